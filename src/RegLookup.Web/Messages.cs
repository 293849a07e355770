namespace RegLookup.Web;

/// <summary>Marker for the shared UI and API strings in Resources/Messages.resx (Vietnamese) and Messages.en.resx.
/// Edit Resources/messages.tsv and run tools/resx.py.</summary>
public sealed class Messages;
