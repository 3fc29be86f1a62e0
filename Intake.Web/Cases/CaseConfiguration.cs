using Intake.Web.Keys;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Intake.Web.Cases;

internal sealed class CaseConfiguration : IEntityTypeConfiguration<CaseRecord>
{
    public void Configure(EntityTypeBuilder<CaseRecord> entity)
    {
        entity.ToTable("Cases");
        entity.HasKey(c => c.Id);
        entity.Property(c => c.Id).ValueGeneratedNever();
        entity.Property(c => c.CaseNumber).HasMaxLength(32).IsRequired();
        entity.HasIndex(c => c.CaseNumber).IsUnique();
        entity.HasIndex(c => new { c.ChannelId, c.Year, c.Sequence }).IsUnique();
        entity.HasIndex(c => c.MailboxLookupId).IsUnique();
        entity.HasIndex(c => new { c.ChannelId, c.Status, c.ReceivedOn });
        entity.HasIndex(c => new { c.ChannelId, c.ReceivedOn });
        entity.HasIndex(c => new { c.ChannelId, c.NextDeadline });
        entity.HasIndex(c => new { c.ChannelId, c.AssigneeId });
        entity.HasIndex(c => c.DisposeOn);
        // The inbox (InboxQuery): each sort within a channel's undisposed cases, read in index order.
        entity.HasIndex(c => new { c.ChannelId, c.DisposedOn, c.ReceivedOn, c.Sequence }).HasDatabaseName("IX_Cases_Inbox_Received");
        entity.HasIndex(c => new { c.ChannelId, c.DisposedOn, c.NextDeadline, c.ReceivedOn }).HasDatabaseName("IX_Cases_Inbox_Deadline");
        entity.HasIndex(c => new { c.ChannelId, c.DisposedOn, c.Year, c.Sequence }).HasDatabaseName("IX_Cases_Inbox_Number");
        entity.HasIndex(c => new { c.ChannelId, c.AssigneeId, c.DisposedOn, c.ReceivedOn }).HasDatabaseName("IX_Cases_Inbox_Assignee");
        entity.HasIndex(c => new { c.ChannelId, c.UnreadReporterMessages }).HasDatabaseName("IX_Cases_Inbox_Unread");
        entity.Property(c => c.HandlerCategories).HasMaxLength(512);
        entity.Property(c => c.Outcome).HasMaxLength(64);
        entity.HasOne<Accounts.StaffUser>().WithMany().HasForeignKey(c => c.AssigneeId).OnDelete(DeleteBehavior.SetNull);
        entity.Property(c => c.MailboxLookupId).HasMaxLength(32).IsRequired();
        entity.Property(c => c.MailboxRecipient).HasMaxLength(AgeRecipients.MaxLength).IsRequired();
        entity.Property(c => c.Category).HasMaxLength(64);
        entity.Property(c => c.ReporterRole).HasMaxLength(64);
        entity.Property(c => c.IncidentTypes).HasMaxLength(512);
        entity.Property(c => c.IncidentPlace).HasMaxLength(64);
        entity.Property(c => c.ContactChannels).HasMaxLength(256);
        entity.HasOne<Keys.Channel>().WithMany().HasForeignKey(c => c.ChannelId).OnDelete(DeleteBehavior.Restrict);
        entity.HasMany(c => c.Entries).WithOne().HasForeignKey(e => e.CaseId).OnDelete(DeleteBehavior.Cascade);
        entity.HasMany(c => c.Measures).WithOne().HasForeignKey(m => m.CaseId).OnDelete(DeleteBehavior.Cascade);
        entity.Property(c => c.NextDeadlineKind).HasMaxLength(32);
        entity.Property(c => c.Consequences).HasMaxLength(128);
        entity.Property(c => c.SupportWanted).HasMaxLength(64);
        entity.Property(c => c.IdentityMode).HasMaxLength(32);
        entity.Property(c => c.OrganisationUnit).HasMaxLength(64);
        entity.Property(c => c.WorkEnvironmentNotReportedReason).HasMaxLength(64);
    }
}

internal sealed class CaseMeasureConfiguration : IEntityTypeConfiguration<CaseMeasure>
{
    public void Configure(EntityTypeBuilder<CaseMeasure> entity)
    {
        entity.ToTable("CaseMeasures");
        entity.HasKey(m => m.Id);
        entity.Property(m => m.Id).ValueGeneratedNever();
        entity.HasIndex(m => new { m.CaseId, m.Position }).IsUnique();
        // Overdue measures for the start page: planned ones by due day.
        entity.HasIndex(m => new { m.Status, m.DueOn });
        entity.Property(m => m.Sealed).IsRequired();
    }
}

internal sealed class CaseEntryConfiguration : IEntityTypeConfiguration<CaseEntry>
{
    public void Configure(EntityTypeBuilder<CaseEntry> entity)
    {
        entity.ToTable("CaseEntries");
        entity.HasKey(e => e.Id);
        entity.Property(e => e.Id).ValueGeneratedNever();
        entity.HasIndex(e => new { e.CaseId, e.Position }).IsUnique();
        entity.HasMany(e => e.Attachments).WithOne().HasForeignKey(a => a.EntryId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CaseAttachmentConfiguration : IEntityTypeConfiguration<CaseAttachment>
{
    public void Configure(EntityTypeBuilder<CaseAttachment> entity)
    {
        entity.ToTable("CaseAttachments");
        entity.HasKey(a => a.Id);
        entity.Property(a => a.Id).ValueGeneratedNever();
        entity.Property(a => a.FileName).HasMaxLength(128).IsRequired();
        entity.HasIndex(a => a.FileName).IsUnique();
    }
}
