using Intake.Web.Keys;

namespace Intake.Web.Organisation;

/// <summary>The channels' default names and introductions, which the administrator can change.</summary>
public static class ChannelDefaults
{
    public static (string NameSv, string NameEn, string IntroSv, string IntroEn) For(string code) => code switch
    {
        ChannelCodes.Whistleblowing => (
            "Visselblåsning",
            "Whistleblowing",
            "Rapportera missförhållanden i kommunens verksamhet som det finns ett allmänintresse av att de kommer fram. Rapporten tas emot av kommunens visselblåsarfunktion.",
            "Report wrongdoing in the municipality's operations that the public has an interest in bringing to light. The report is received by the municipality's whistleblowing function."),
        ChannelCodes.Threat => (
            "Hot och våld",
            "Threats and violence",
            "Rapportera hot, trakasserier eller våld som du utsatts för i ditt arbete eller ditt politiska uppdrag. Rapporten tas emot av kommunens säkerhetssamordnare.",
            "Report threats, harassment or violence you suffered in your work or political assignment. The report is received by the municipality's security coordinators."),
        _ => throw new ArgumentOutOfRangeException(nameof(code), code, "Unknown channel code"),
    };
}
