using System.Globalization;
using System.Text;

namespace Intake.Web.Cases;

/// <summary>The <c>how-to-open.txt</c> of an export bundle, in Swedish and English.</summary>
public static class ExportInstructions
{
    public static string Text(ExportPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var example = plan.Entries.FirstOrDefault(e => e.File is not null)?.File?.ZipName ?? "entries/0001-report.age";
        var versions = string.Join(", ", plan.Files.Select(f => f.KeyVersion).OfType<int>().Distinct().Order()
            .Select(v => v.ToString(CultureInfo.InvariantCulture)));
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Ärende / Case {plan.Record.CaseNumber} ({plan.ChannelCode}), exporterat / exported {plan.ExportedOn:yyyy-MM-dd}");
        text.AppendLine();
        text.AppendLine("=== Svenska ===");
        text.AppendLine();
        text.AppendLine("Alla filer i mappen entries/ och attachments/ (och triage.age) är krypterade med age (age-encryption.org/v1),");
        text.AppendLine("exakt som de lagrades i Intake. Paketet innehåller ingen hemlig nyckel. Filerna öppnas med kanalens");
        text.AppendLine("identitet (AGE-SECRET-KEY-1…), som en handläggare i kanalen kan ladda ned som en lösenordsskyddad fil på");
        text.AppendLine("ärendets exportsida i Intake.");
        text.AppendLine();
        text.AppendLine("1. Öppna identitetsfilen med lösenordet du valde (age frågar efter det):");
        text.AppendLine(CultureInfo.InvariantCulture, $"     age -d -o identity.txt {plan.ChannelCode}-identity.age");
        text.AppendLine("2. Öppna en fil:");
        text.AppendLine(CultureInfo.InvariantCulture, $"     age -d -i identity.txt {example} > {Path.GetFileNameWithoutExtension(example)}.json");
        text.AppendLine();
        text.AppendLine("Rapporten och meddelandena är JSON (format intake.report/v1 och intake.message/v1). Bilagornas");
        text.AppendLine("ursprungliga namn står i listan \"attachments\" i det inlägg de hör till: den n:e bilagan av inlägg 0002");
        text.AppendLine("är attachments/0002-0n.age. Kanalens nyckel kan ha bytts ut: varje fil är krypterad till den nyckelversion");
        text.AppendLine("som gällde den dagen (se manifest.json). Identitetsfilen innehåller alla versioner du har tillgång till.");
        text.AppendLine(CultureInfo.InvariantCulture, $"Nyckelversioner i det här paketet: {versions}.");
        text.AppendLine("Innehållet är sekretessbelagt (OSL 17:3 b, 32:3 b) tills en sekretessprövning gjorts. Förvara identitetsfilen");
        text.AppendLine("i klartext bara så länge som behövs och radera den sedan.");
        text.AppendLine();
        text.AppendLine("=== English ===");
        text.AppendLine();
        text.AppendLine("Every file in entries/ and attachments/ (and triage.age) is encrypted with age (age-encryption.org/v1),");
        text.AppendLine("exactly as stored in Intake. The bundle holds no secret key. The files open with the channel's identity");
        text.AppendLine("(AGE-SECRET-KEY-1…), which a handler of the channel can download as a passphrase-protected file from the");
        text.AppendLine("case's export page in Intake.");
        text.AppendLine();
        text.AppendLine("1. Open the identity file with the passphrase you chose (age asks for it):");
        text.AppendLine(CultureInfo.InvariantCulture, $"     age -d -o identity.txt {plan.ChannelCode}-identity.age");
        text.AppendLine("2. Open a file:");
        text.AppendLine(CultureInfo.InvariantCulture, $"     age -d -i identity.txt {example} > {Path.GetFileNameWithoutExtension(example)}.json");
        text.AppendLine();
        text.AppendLine("The report and the messages are JSON (formats intake.report/v1 and intake.message/v1). The attachments'");
        text.AppendLine("original names are in the \"attachments\" list of the entry they belong to: the n-th attachment of entry");
        text.AppendLine("0002 is attachments/0002-0n.age. The channel key may have rotated: each file is sealed to the key version");
        text.AppendLine("of its day (see manifest.json). The identity file holds every version you have access to.");
        text.AppendLine(CultureInfo.InvariantCulture, $"Key versions in this bundle: {versions}.");
        text.AppendLine("The content is secret (OSL 17:3 b, 32:3 b) until a secrecy review has been made. Keep the identity file in");
        text.AppendLine("clear only as long as needed, then delete it.");
        return text.ToString();
    }
}
