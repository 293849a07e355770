using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;
using RegLookup.Data.Stores;

namespace RegLookup.Web.Accounts;

/// <summary>
/// Keeps the data-protection key ring in the database, so a cookie or antiforgery token issued by one web node
/// is read by every other node sharing that database. IXmlRepository is synchronous, hence the blocking waits.
/// </summary>
public sealed class DatabaseXmlRepository(DataProtectionKeyStore keys) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements() =>
        keys.AllAsync().GetAwaiter().GetResult().Select(XElement.Parse).ToList();

    public void StoreElement(XElement element, string friendlyName) =>
        keys.StoreAsync(friendlyName, element.ToString(SaveOptions.DisableFormatting)).GetAwaiter().GetResult();
}
