using Intake.Web.Hosting;
using Intake.Web.Reporting.Forms;
using Intake.Web.Reporting.Uploads;

namespace Intake.Web.Reporting;

/// <summary>What was typed in a report form, brought to the form in another language (<see cref="TypedAnswers"/>).</summary>
/// <param name="Stamp">The form's stamp as it came, so the time already spent on the form still counts.</param>
/// <param name="FilesToChooseAgain">The files that were chosen: a language switch carries no file.</param>
public sealed record KeptAnswers(FormAnswers Answers, string Stamp, IReadOnlyList<string> FilesToChooseAgain);

/// <summary>
/// Without JavaScript the language switch of a report form posts the form to the same form in the chosen language,
/// which shows it again with what was typed. Nothing is sent, sealed or kept: the text fields are read as a report
/// is read, and every file part is refused unread (drained, never written), only its name kept to be chosen again.
/// </summary>
public sealed class TypedAnswers(MultipartUploadReader reader, DataDirectory data)
{
    public async Task<KeptAnswers> ReadAsync(HttpContext context, CancellationToken cancellationToken)
    {
        using var upload = await reader.ReadAsync(context, _ => (Uploads.IFileSealer?)null, data.Attachments, [ReportIntake.FileField], caseId: null, cancellationToken);
        var files = upload.Refused.Select(r => r.Name).Where(n => n.Length > 0 && !Errors.SealedFileNames.IsInternal(n)).Distinct(StringComparer.Ordinal).ToList();
        return new KeptAnswers(upload.Fields, upload.Fields.Get(Admission.SubmissionGate.StampField), files);
    }
}
