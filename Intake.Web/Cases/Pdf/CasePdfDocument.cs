using System.Globalization;
using Intake.Web.Audit;
using Intake.Web.Pages.Staff.Cases;
using Intake.Web.Reporting.Forms;
using Microsoft.Extensions.Localization;
using PdfSharp.Pdf;

namespace Intake.Web.Cases.Pdf;

/// <summary>What the case PDF shows: the decrypted case, the channel's name and whether to include the identity.</summary>
public sealed record CasePdfContent(CaseReadout Readout, string ChannelName, DateOnly PrintedOn, bool IncludeIdentity);

/// <summary>
/// Lays the case out as a PDF for the registry, in the same order as the print view: the secrecy note, the
/// case's facts and deadlines, the reporter's identity (or that it was left out), the thread with each entry's
/// kind, date, author, text or answers and attachments by name and size, and the history of decisions.
/// The document is written to the given stream only; fonts are embedded.
/// </summary>
public static class CasePdfDocument
{
    public static void Write(CasePdfContent content, IStringLocalizer T, Stream output)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(T);
        ArgumentNullException.ThrowIfNull(output);
        var readout = content.Readout;
        var record = readout.Record;
        using var document = new PdfDocument();
        document.Info.Title = record.CaseNumber;
        document.Info.Creator = "Intake";
        document.Options.CompressContentStreams = true;
        var form = ReportForms.For(readout.ChannelCode);
        using (var pdf = new PdfWriter(document))
        {
            pdf.Small(T["Staff.Cases.Print.MaySubjectSecrecyOSL17"]);
            pdf.Space(6);
            pdf.Title(record.CaseNumber);
            Facts(pdf, content, T);
            if (record.DisposedOn is not null)
            {
                pdf.Paragraph(T["Staff.Cases.Print.ContentWasDisposedOn"] + " " + Day(record.DisposedOn) + ".");
            }

            Identity(pdf, content, form, T);
            Thread(pdf, readout, form, T);
            History(pdf, readout, T);
            pdf.NumberPages(record.CaseNumber + " · " + T["Staff.Cases.Print.Printed"] + " " + Day(content.PrintedOn), T["Staff.Cases.Pdf.Page"]);
        }

        document.Save(output, closeStream: false);
    }

    private static void Facts(PdfWriter pdf, CasePdfContent content, IStringLocalizer T)
    {
        var record = content.Readout.Record;
        pdf.Fact(T["Common.Channel"], content.ChannelName);
        pdf.Fact(T["Common.Received2"], Day(record.ReceivedOn));
        pdf.Fact(T["Common.Status"], CaseWords.Status(T, record.Status));
        pdf.Fact(T["Staff.Cases.Print.AcknowledgementDueGiven"], Day(record.AcknowledgementDue) + " / " + Day(record.AcknowledgedOn));
        pdf.Fact(T["Staff.Cases.Print.FeedbackDueGiven"], Day(record.FeedbackDue) + " / " + Day(record.FeedbackGivenOn));
        pdf.Fact(T["Common.Closed"], Day(record.ClosedOn));
        pdf.Fact(T["Staff.Cases.Print.Outcome"], record.Outcome is null ? "–" : CaseWords.Outcome(T, record.Outcome));
        pdf.Fact(T["Common.DisposalDue"], Day(record.DisposeOn) + (record.LegalHold ? T["Staff.Cases.Print.LegalHold"] : string.Empty));
        pdf.Fact(T["Staff.Cases.Print.Printed"], Day(content.PrintedOn));
    }

    private static void Identity(PdfWriter pdf, CasePdfContent content, ReportForm form, IStringLocalizer T)
    {
        pdf.Heading(T["Staff.Cases.Print.ReportersIdentity"]);
        var report = content.Readout.Items.FirstOrDefault(i => i.Kind == EntryKind.Report)?.Report;
        if (report is null)
        {
            pdf.Paragraph("–");
            return;
        }

        if (!content.IncludeIdentity)
        {
            pdf.Paragraph(T["Staff.Cases.Print.NameContactDetailsLeftOut"]);
            return;
        }

        foreach (var field in CommonFields.Identity.Fields)
        {
            if (report.Answers.TryGetValue(field.Name, out var values) && values.Length > 0)
            {
                pdf.Fact(FormText.HandlerLabel(T, field), string.Join(", ", values.Select(v => FormText.HandlerAnswer(T, field, v))));
            }
        }
    }

    private static void Thread(PdfWriter pdf, CaseReadout readout, ReportForm form, IStringLocalizer T)
    {
        pdf.Heading(T["Staff.Cases.Print.CasesContent"]);
        foreach (var item in readout.Items)
        {
            pdf.Space(4);
            var label = PrintModel.KindLabel(T, item.Kind);
            pdf.Fact(label, Day(item.Date) + (item.Author is null ? string.Empty : " · " + item.Author));
            if (item.Unreadable)
            {
                pdf.Paragraph(T["Case.Entry.Unreadable"], 14);
            }
            else if (item.Report is not null)
            {
                Answers(pdf, form, PrintModel.WithoutIdentity(item.Report), T);
            }
            else if (item.Message is not null)
            {
                pdf.Paragraph(item.Message.Text, 14);
            }

            if (item.Attachments.Count > 0)
            {
                pdf.Paragraph(T["Staff.Cases.Print.Attachments"], 14);
                foreach (var attachment in item.Attachments)
                {
                    var line = "• " + attachment.Name + " (" + PrintModel.Size(attachment.Size) + ")"
                        + (attachment.Described ? string.Empty : " – " + T["Case.Attachment.Undescribed"]);
                    pdf.Paragraph(line, 24);
                }
            }
        }
    }

    private static void Answers(PdfWriter pdf, ReportForm form, Reporting.ReportJson report, IStringLocalizer T)
    {
        foreach (var field in form.Fields)
        {
            if (!report.Answers.TryGetValue(field.Name, out var values) || values.Length == 0)
            {
                continue;
            }

            var shown = field.Kind == FieldKind.Checkbox ? [T["Common.Yes"].Value] : values.Select(v => FormText.HandlerAnswer(T, field, v)).ToArray();
            pdf.Small(FormText.HandlerLabel(T, field), 14);
            pdf.Paragraph(string.Join(", ", shown), 14);
        }
    }

    private static void History(PdfWriter pdf, CaseReadout readout, IStringLocalizer T)
    {
        pdf.Heading(T["Staff.Cases.Print.History"]);
        pdf.Paragraph(Day(readout.Record.ReceivedOn) + " · " + T["Common.Received2"]);
        foreach (var h in readout.History)
        {
            var detail = AuditWords.Detail(T, h.Kind, h.Detail, readout.ChannelCode, _ => h.Person);
            var line = Day(h.Day) + " · " + CaseWords.AuditKind(T, h.Kind)
                + (string.IsNullOrEmpty(detail) ? string.Empty : " · " + detail)
                + " · " + (h.Actor ?? "–");
            pdf.Paragraph(line);
        }
    }

    private static string Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "–";
}
