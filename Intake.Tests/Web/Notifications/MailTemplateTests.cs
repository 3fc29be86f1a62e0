using Intake.Web.Localization;
using Intake.Web.Notifications;
using Microsoft.Extensions.Options;

namespace Intake.Tests.Web.Notifications;

/// <summary>Every kind of mail has a template in every language, and each renders with every placeholder filled.</summary>
public sealed class MailTemplateTests
{
    private static readonly MailTemplates _templates = new();

    public static TheoryData<string, string> KindsAndLanguages()
    {
        var data = new TheoryData<string, string>();
        foreach (var language in _templates.Languages)
        {
            foreach (var kind in NoticeKinds.All)
            {
                data.Add(kind, language);
            }
        }

        return data;
    }

    /// <summary>Every template in every supported language: one case per template and language.</summary>
    public static TheoryData<string, string> TemplatesAndLanguages()
    {
        var data = new TheoryData<string, string>();
        foreach (var language in Languages.Supported)
        {
            foreach (var name in _templates.TemplateNames)
            {
                data.Add(name, language.Code);
            }
        }

        return data;
    }

    [Fact]
    public void MailLanguages_AreTheSupportedLanguages()
    {
        Assert.Equal(Languages.Supported.Select(l => l.Code), _templates.Languages);
        Assert.Contains("fi", _templates.Languages);
        Assert.Contains(NoticeKinds.NewReport, _templates.TemplateNames);
    }

    [Theory]
    [MemberData(nameof(TemplatesAndLanguages))]
    public void EveryTemplate_ExistsInEveryLanguage_WithTheDefaultLanguagesPlaceholders(string name, string language)
    {
        var template = _templates.Find(name, language);
        var original = _templates.Find(name, Languages.Default.Code);

        Assert.True(template is not null, $"Notifications/Templates/{name}.{language}.txt is missing");
        Assert.True(original is not null, $"Notifications/Templates/{name}.{Languages.Default.Code}.txt is missing");
        Assert.Equal(MailTemplates.Placeholders(original.Subject).Order(), MailTemplates.Placeholders(template.Subject).Order());
        Assert.Equal(MailTemplates.Placeholders(original.Body).Order(), MailTemplates.Placeholders(template.Body).Order());
        Assert.False(string.IsNullOrWhiteSpace(template.Subject), $"{name}.{language}.txt has no subject");
    }

    [Theory]
    [MemberData(nameof(KindsAndLanguages))]
    public void EachKind_RendersInEachLanguage_WithNoPlaceholderLeft(string kind, string language)
    {
        Assert.True(_templates.Has(kind, language), $"{kind}.{language}.txt is missing");
        var composer = Composer();

        var (subject, body) = composer.Render(language, [new NoticeLine(kind, "Visselblåsning")], "https://intake.example/confirm");

        Assert.False(string.IsNullOrWhiteSpace(subject));
        Assert.DoesNotContain('{', subject + body);
        Assert.Contains("https://intake.example/Staff/SignIn", body, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownLanguage_FallsBackToSwedish()
    {
        var (subject, _) = Composer().Render("de", [new NoticeLine(NoticeKinds.NewReport, "Visselblåsning")]);

        Assert.Equal("Ny anmälan i kanalen Visselblåsning", subject);
    }

    [Fact]
    public void AMissingValue_IsAnError_NotSentAsIs()
    {
        Assert.Throws<InvalidOperationException>(() => MailTemplates.Fill("Hej {Name}", new Dictionary<string, string>()));
    }

    private static MailComposer Composer() => new(
        _templates,
        Options.Create(new MailOptions { Host = "127.0.0.1", From = "intake@intake.example" }),
        Options.Create(new NotificationOptions { PublicUrl = new Uri("https://intake.example/") }),
        TimeProvider.System);
}
