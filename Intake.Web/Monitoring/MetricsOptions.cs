namespace Intake.Web.Monitoring;

/// <summary>Settings under <c>Intake:Metrics</c> (docs/operations.md, "Monitoring").</summary>
public sealed class MetricsOptions
{
    public const string SectionName = "Intake:Metrics";

    /// <summary>
    /// A bearer token that opens <c>/metrics</c> from anywhere (<c>Authorization: Bearer …</c>). Without it, only a
    /// request made on this machine directly (loopback, not through a proxy) is answered.
    /// </summary>
    public string Token { get; set; } = string.Empty;
}
