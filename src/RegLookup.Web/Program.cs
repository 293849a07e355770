using System.Text.Encodings.Web;
using System.Text.Unicode;
using MudBlazor.Services;
using RegLookup.Web.Cli;
using RegLookup.Web.Components;
using RegLookup.Web.Platform;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddRegLookupData(builder.Configuration);

if (CommandLine.IsVerb(args))
{
    await using var cli = builder.Build();
    return await CommandLine.RunAsync(args, cli.Services, Console.Out, Console.Error);
}

builder.Services.AddRazorComponents().AddInteractiveServerComponents();
// Vietnamese text goes out as UTF-8 characters, not as &#x...; entities.
builder.Services.AddSingleton(HtmlEncoder.Create(UnicodeRanges.All));
builder.Services.AddMudServices();
builder.Services.AddProblemDetails();

var app = builder.Build();
await app.Services.GetRequiredService<DatabaseStartup>().RunAsync();

if (!app.Environment.IsDevelopment())
    app.UseExceptionHandler("/Error", createScopeForErrors: true);
app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
app.UseAntiforgery();

app.MapStaticAssets();
app.MapHealth();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

await app.RunAsync();
return 0;

/// <summary>Entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
