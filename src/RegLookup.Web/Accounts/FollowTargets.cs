using RegLookup.Data.Model;
using RegLookup.Web.Platform;

namespace RegLookup.Web.Accounts;

/// <summary>Where each kind of followable record lives on the portal.</summary>
public static class FollowTargets
{
    public static string Url(string entity, string id) => entity switch
    {
        Entities.Proposal => $"/proposals/{Uri.EscapeDataString(id)}",
        Entities.Regulation => $"/regulations/{Uri.EscapeDataString(id)}",
        Entities.Agency => $"/agencies/{Uri.EscapeDataString(id)}",
        Entities.Sector => $"/sectors/{Slugs.Of(id)}",
        _ => "/",
    };

}
