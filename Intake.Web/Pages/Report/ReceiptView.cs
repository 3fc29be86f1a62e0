using Intake.Web.Cases;

namespace Intake.Web.Pages.Report;

/// <summary>
/// The receipt as both modes show it (<c>_Receipt.cshtml</c>). Without JavaScript every value comes from the receipt
/// cookie; with JavaScript the form page renders it as a template with <see cref="Token"/>, the case number and the
/// file count left empty for the script, which alone knows the token.
/// </summary>
public sealed record ReceiptView(
    string ChannelCode, DateOnly ReceivedOn, SealingMode SealedBy, string? CaseNumber = null, int? Files = null, string? Token = null,
    bool NotConfirmed = false)
{
    /// <summary>Rendered for the script to fill in.</summary>
    public bool IsTemplate => Token is null;

    public static ReceiptView Of(Reporting.Receipt receipt, bool notConfirmed = false)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        return new(receipt.ChannelCode, receipt.ReceivedOn, receipt.SealedBy, receipt.CaseNumber, receipt.Files, receipt.Token, notConfirmed);
    }
}
