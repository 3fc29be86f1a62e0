namespace Intake.Web;

/// <summary>
/// Marker for the shared UI strings in <c>Resources/SharedResource.sv.resx</c> and
/// <c>Resources/SharedResource.en.resx</c>. Keys are stable English identifiers.
/// </summary>
public sealed class SharedResource;
