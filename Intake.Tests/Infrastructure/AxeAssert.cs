using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Intake.Tests.Infrastructure;

/// <summary>Runs axe on the page as it is now and fails on any serious or critical violation, naming each.</summary>
public static class AxeAssert
{
    public static async Task NoSeriousViolationsAsync(IPage page, string what)
    {
        ArgumentNullException.ThrowIfNull(page);
        var result = await page.RunAxe();
        var serious = result.Violations
            .Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{what}: {v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}")
            .ToList();
        Assert.True(serious.Count == 0, string.Join(Environment.NewLine, serious));
    }
}
