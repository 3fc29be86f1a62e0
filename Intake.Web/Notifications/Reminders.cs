namespace Intake.Web.Notifications;

/// <summary>
/// A reminder that is due for a case: its kind (<see cref="NoticeKinds"/>) and the day it is about (the deadline,
/// or today for a daily reminder). The same kind, case and day is sent to a person once only.
/// </summary>
public sealed record Reminder(string Kind, Guid ChannelId, Guid CaseId, Guid? AssigneeId, DateOnly Day);

/// <summary>
/// Where reminders come from. The scan asks every registered source each time it runs; a new workflow adds its
/// own (for example the threats channel's measures with due dates) with
/// <c>services.AddScoped&lt;IReminderSource, MySource&gt;()</c>, a kind in <see cref="NoticeKinds"/> and its
/// templates, and nothing else changes.
/// </summary>
public interface IReminderSource
{
    Task<IReadOnlyList<Reminder>> DueAsync(DateOnly today, CancellationToken cancellationToken);
}
