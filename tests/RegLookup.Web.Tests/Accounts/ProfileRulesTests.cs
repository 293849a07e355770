using Microsoft.Extensions.Localization;
using RegLookup.Data.Model;
using RegLookup.Web.Accounts;

namespace RegLookup.Web.Tests.Accounts;

public class ProfileRulesTests
{
    [Theory]
    [InlineData("0101234567", "0101234567")]
    [InlineData(" 0101234567 ", "0101234567")]
    [InlineData("0101234567-001", "0101234567-001")]
    [InlineData("0101234567001", "0101234567-001")]
    [InlineData("0101 234 567", "0101234567")]
    public void A_tax_code_of_10_or_13_digits_is_kept_in_its_written_form(string text, string expected) =>
        Assert.Equal(expected, TaxCode.Normalize(text));

    [Theory]
    [InlineData("")]
    [InlineData("010123456")]
    [InlineData("01012345678")]
    [InlineData("0101234567-1")]
    [InlineData("0101234567--001")]
    [InlineData("0101234567_001")]
    [InlineData("٠١٠١٢٣٤٥٦٧")] // Arabic-Indic digits are digits to .NET's \d, not to the tax office
    public void Anything_else_is_not_a_tax_code(string text) => Assert.Null(TaxCode.Normalize(text));

    [Theory]
    [InlineData("0912 345 678", "0912345678")]
    [InlineData("024.3825.1234", "02438251234")]
    [InlineData("(024) 3825-1234", "02438251234")]
    [InlineData("+84 912 345 678", "+84912345678")]
    public void A_phone_number_is_kept_without_separators(string text, string expected)
    {
        var user = new PortalUser();
        var errors = new FormErrors();
        ProfileRules.Apply(new ProfileInput { DisplayName = "Lan", Phone = text }, user, errors, new KeysOnly());
        Assert.False(errors.Any);
        Assert.Equal(expected, user.Phone);
    }

    [Fact]
    public void A_refused_profile_leaves_the_account_as_it_was()
    {
        var user = new PortalUser { DisplayName = "Lan", RespondentType = "individual" };
        var errors = new FormErrors();

        ProfileRules.Apply(new ProfileInput { DisplayName = "Công ty Lan", RespondentType = "enterprise", TaxCode = "123" }, user, errors, new KeysOnly());

        Assert.Equal(["organization", "tax-code"], errors.All.Select(e => e.Field));
        Assert.Equal(("Lan", "individual", null), (user.DisplayName, user.RespondentType, user.TaxCode));
    }

    /// <summary>Messages as their keys, so a unit test sees which rule spoke.</summary>
    private sealed class KeysOnly : IStringLocalizer
    {
        public LocalizedString this[string name] => new(name, name);
        public LocalizedString this[string name, params object[] arguments] => new(name, name);
        public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => [];
    }
}
