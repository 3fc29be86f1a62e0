using Intake.Web.Audit;
using Intake.Web.Organisation;

namespace Intake.Web.Cases;

/// <summary>The handler corrects where in the organisation an incident happened: a unit's code, or none. Audited with the code.</summary>
public sealed class CaseUnitChange(OrganisationUnits units, AuditLog audit)
{
    /// <summary>False when the code is neither empty, the case's current unit, nor an active unit.</summary>
    public async Task<bool> SetAsync(CaseRecord record, Guid actorId, string? code, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        code = string.IsNullOrWhiteSpace(code) ? null : code.Trim();
        if (code is not null && code != record.OrganisationUnit && !await units.IsActiveAsync(code, cancellationToken))
        {
            return false;
        }

        record.OrganisationUnit = code;
        await audit.AppendAsync(AuditKinds.CaseUnitChanged, actorId, record.Id, record.ChannelId, code ?? "none", cancellationToken);
        return true;
    }
}
