namespace Intake.Web.Reporting.Errors;

/// <summary>
/// One problem with a submission, in the one shape both modes render (the server's error summary and the
/// script's, from the same JSON): the field it belongs to (empty: the form as a whole), the message key, and for a
/// refused file the name the reporter chose it by. A file the browser sealed is named by its place in the
/// reporter's selection (<see cref="FileIndex"/>), never by the sealed part's internal name.
/// </summary>
public sealed record FormError(string Field, string MessageKey, string? FileName = null, int? FileIndex = null);

/// <summary>A problem as the reporter reads it: the field it links to, the words, and the chosen file's place if any.</summary>
public sealed record ShownError(string Field, string Message, int? FileIndex = null);
