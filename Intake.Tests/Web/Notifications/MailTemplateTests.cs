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

    [Fact]
    public void Languages_AreSwedishAndEnglish_AndEachHasEveryTemplate()
    {
        Assert.Equal(["en", "sv"], _templates.Languages);
        var names = _templates.Names.Select(n => n[..n.LastIndexOf('.')]).Distinct().ToList();
        foreach (var language in _templates.Languages)
        {
            Assert.All(names, name => Assert.True(_templates.Has(name, language), $"{name}.{language}.txt is missing"));
        }
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
        var (subject, _) = Composer().Render("fi", [new NoticeLine(NoticeKinds.NewReport, "Visselblåsning")]);

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
