using System.Text.Encodings.Web;
using System.Text.Unicode;
using MudBlazor.Services;
using RegLookup.Web.Cli;
using RegLookup.Web.Components;
using Microsoft.AspNetCore.Localization;
using RegLookup.Web.Platform;
using RegLookup.Web.Search;
using RegLookup.Web.Regulations;
using RegLookup.Web.Consultations;
using RegLookup.Web.Tracking;
using RegLookup.Web.Accounts;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddRegLookupData(builder.Configuration);
builder.Services.AddLocalization(o => o.ResourcesPath = "Resources");

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
builder.Services.AddRegLookupSearch();
builder.Services.AddScoped<Labels>();
builder.Services.AddSingleton<AgencyNames>();
builder.Services.AddSingleton<RegLookup.Web.Components.Layout.ThemeStyles>();
builder.Services.AddAccounts(builder.Configuration);
builder.Services.AddFollowing();
builder.Services.AddSingleton<ProposalLifecycle>();
builder.Services.AddWorkspace();
builder.Services.AddComments();
builder.Services.AddOpenApi();
builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping);

var app = builder.Build();
await app.Services.GetRequiredService<DatabaseStartup>().RunAsync();
await app.PrepareAccountsAsync();

if (!app.Environment.IsDevelopment())
    app.UseExceptionHandler("/Error", createScopeForErrors: true);
app.UseRequestLocalization(o =>
{
    // Vietnamese unless the person chose English (?culture=en or the culture cookie); the browser's language
    // does not switch it, so a shared link shows what the sender saw.
    o.SetDefaultCulture("vi").AddSupportedCultures("vi", "en").AddSupportedUICultures("vi", "en");
    o.RequestCultureProviders = o.RequestCultureProviders.Where(p => p is not AcceptLanguageHeaderRequestCultureProvider).ToList();
});
app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();

app.MapStaticAssets();
app.MapHealth();
app.MapSearchApi();
app.MapCultureSwitch();
app.MapRegulationApi();
app.MapProposalApi();
app.MapCommentEndpoints();
app.MapAccountEndpoints();
app.MapFollowEndpoints();
app.MapSynthesisReports();
app.MapOpenDataApi();
app.MapOpenApi();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

await app.RunAsync();
return 0;

/// <summary>Entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
