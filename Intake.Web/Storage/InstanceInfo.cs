namespace Intake.Web.Storage;

/// <summary>
/// The single row that identifies this installation: a random id (so that a backup can be matched to the
/// instance it came from) and the day it was created. Day precision, like every date the server keeps in clear.
/// </summary>
public sealed class InstanceInfo
{
    public const int SingletonId = 1;

    public int Id { get; set; } = SingletonId;

    public Guid InstanceId { get; set; }

    public DateOnly CreatedOn { get; set; }
}
