namespace RegLookup.Testing;

public static class RepoPaths
{
    /// <summary>The repository root: the folder above the test binaries that holds RegLookup.sln.</summary>
    public static string Root { get; } = FindRoot();

    public static string SeedData => Path.Combine(Root, "seed-data");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "RegLookup.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("RegLookup.sln not found above " + AppContext.BaseDirectory);
    }
}
