namespace RegLookup.Browser.Tests;

/// <summary>One portal process and one browser for all browser tests: starting either takes seconds.</summary>
[CollectionDefinition(Name)]
public sealed class PortalCollection : ICollectionFixture<PortalServer>, ICollectionFixture<ChromiumBrowser>
{
    public const string Name = "Portal in Chromium";
}
