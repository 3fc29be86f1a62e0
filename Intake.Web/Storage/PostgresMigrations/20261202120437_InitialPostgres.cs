using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Intake.Web.Storage.PostgresMigrations
{
    /// <inheritdoc />
    public partial class InitialPostgres : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AuditEntries",
                columns: table => new
                {
                    Sequence = table.Column<long>(type: "bigint", nullable: false),
                    OccurredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Kind = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ActorId = table.Column<Guid>(type: "uuid", nullable: true),
                    SubjectId = table.Column<Guid>(type: "uuid", nullable: true),
                    ChannelId = table.Column<Guid>(type: "uuid", nullable: true),
                    Detail = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    PreviousHash = table.Column<byte[]>(type: "bytea", nullable: false),
                    Hash = table.Column<byte[]>(type: "bytea", nullable: false),
                    Mac = table.Column<byte[]>(type: "bytea", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditEntries", x => x.Sequence);
                });

            migrationBuilder.CreateTable(
                name: "Channels",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    CurrentKeyVersion = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Channels", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Instance",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    InstanceId = table.Column<Guid>(type: "uuid", nullable: false),
                    CreatedOn = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Instance", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Organisation",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    RecoveryRecipient = table.Column<string>(type: "character varying(2048)", maxLength: 2048, nullable: false),
                    SetUpOn = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Organisation", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "OrganisationLogo",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    ContentType = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Content = table.Column<byte[]>(type: "bytea", nullable: false),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OrganisationLogo", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "OrganisationUnits",
                columns: table => new
                {
                    Code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    Retired = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OrganisationUnits", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "SiteTexts",
                columns: table => new
                {
                    Owner = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Field = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Language = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Value = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SiteTexts", x => new { x.Owner, x.Field, x.Language });
                });

            migrationBuilder.CreateTable(
                name: "StaffUsers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Username = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    DisplayName = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    Role = table.Column<int>(type: "integer", nullable: false),
                    SealedIdentity = table.Column<byte[]>(type: "bytea", nullable: false),
                    Recipient = table.Column<string>(type: "character varying(2048)", maxLength: 2048, nullable: false),
                    SealedTotpSecret = table.Column<byte[]>(type: "bytea", nullable: true),
                    LastTotpStep = table.Column<long>(type: "bigint", nullable: false),
                    IsDisabled = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ResetOn = table.Column<DateOnly>(type: "date", nullable: true),
                    DeactivatedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ActivationCodeHash = table.Column<byte[]>(type: "bytea", nullable: true),
                    ActivationExpiresAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ActivatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StaffUsers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ChannelKeys",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ChannelId = table.Column<Guid>(type: "uuid", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    Recipient = table.Column<string>(type: "character varying(2048)", maxLength: 2048, nullable: false),
                    CreatedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    RetiredOn = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChannelKeys", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ChannelKeys_Channels_ChannelId",
                        column: x => x.ChannelId,
                        principalTable: "Channels",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Cases",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ChannelId = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseNumber = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Sequence = table.Column<int>(type: "integer", nullable: false),
                    ReceivedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    SealedBy = table.Column<int>(type: "integer", nullable: false),
                    ChannelKeyVersion = table.Column<int>(type: "integer", nullable: false),
                    MailboxLookupId = table.Column<byte[]>(type: "bytea", maxLength: 32, nullable: false),
                    MailboxLegacy = table.Column<bool>(type: "boolean", nullable: false),
                    MailboxRecipient = table.Column<string>(type: "character varying(2048)", maxLength: 2048, nullable: false),
                    AcknowledgementDeclined = table.Column<bool>(type: "boolean", nullable: false),
                    MeetingRequested = table.Column<bool>(type: "boolean", nullable: false),
                    Category = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    ReporterRole = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    IncidentTypes = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: true),
                    IncidentPlace = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    ContactChannels = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    PoliceReported = table.Column<bool>(type: "boolean", nullable: true),
                    Consequences = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    SupportWanted = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    IdentityMode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    OrganisationUnit = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Urgent = table.Column<bool>(type: "boolean", nullable: false),
                    Origin = table.Column<int>(type: "integer", nullable: false),
                    AcknowledgementDue = table.Column<DateOnly>(type: "date", nullable: true),
                    AcknowledgedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    FeedbackDue = table.Column<DateOnly>(type: "date", nullable: true),
                    FeedbackGivenOn = table.Column<DateOnly>(type: "date", nullable: true),
                    NextDeadline = table.Column<DateOnly>(type: "date", nullable: true),
                    NextDeadlineKind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    AssigneeId = table.Column<Guid>(type: "uuid", nullable: true),
                    HandlerCategories = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: true),
                    UnreadReporterMessages = table.Column<int>(type: "integer", nullable: false),
                    FirstContactOn = table.Column<DateOnly>(type: "date", nullable: true),
                    FirstContactRequested = table.Column<bool>(type: "boolean", nullable: false),
                    WorkEnvironmentDecidedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    WorkEnvironmentReportNeeded = table.Column<bool>(type: "boolean", nullable: false),
                    WorkEnvironmentNotReportedReason = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    WorkEnvironmentReportedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    SocialInsuranceReportNeeded = table.Column<bool>(type: "boolean", nullable: false),
                    SocialInsuranceReportedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    RiskAssessmentUpdated = table.Column<bool>(type: "boolean", nullable: false),
                    RiskAssessmentUpdatedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    FollowUpOn = table.Column<DateOnly>(type: "date", nullable: true),
                    FollowedUpOn = table.Column<DateOnly>(type: "date", nullable: true),
                    SealedTriage = table.Column<byte[]>(type: "bytea", nullable: true),
                    ClosedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Outcome = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    DisposeOn = table.Column<DateOnly>(type: "date", nullable: true),
                    LegalHold = table.Column<bool>(type: "boolean", nullable: false),
                    RegistryExportedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    DisposedOn = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Cases", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Cases_Channels_ChannelId",
                        column: x => x.ChannelId,
                        principalTable: "Channels",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Cases_StaffUsers_AssigneeId",
                        column: x => x.AssigneeId,
                        principalTable: "StaffUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "ChannelMemberships",
                columns: table => new
                {
                    ChannelId = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    State = table.Column<int>(type: "integer", nullable: false),
                    ProposedBy = table.Column<Guid>(type: "uuid", nullable: true),
                    GrantedBy = table.Column<Guid>(type: "uuid", nullable: true),
                    ApprovedBy = table.Column<Guid>(type: "uuid", nullable: true),
                    Since = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChannelMemberships", x => new { x.ChannelId, x.UserId });
                    table.ForeignKey(
                        name: "FK_ChannelMemberships_Channels_ChannelId",
                        column: x => x.ChannelId,
                        principalTable: "Channels",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ChannelMemberships_StaffUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "StaffUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "KnownDevices",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    StaffUserId = table.Column<Guid>(type: "uuid", nullable: false),
                    TokenHash = table.Column<byte[]>(type: "bytea", maxLength: 32, nullable: false),
                    FirstSignInAtMs = table.Column<long>(type: "bigint", nullable: false),
                    LastSignInAtMs = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_KnownDevices", x => x.Id);
                    table.ForeignKey(
                        name: "FK_KnownDevices_StaffUsers_StaffUserId",
                        column: x => x.StaffUserId,
                        principalTable: "StaffUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "NotificationOutbox",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RecipientId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ChannelId = table.Column<Guid>(type: "uuid", nullable: true),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: true),
                    DedupeKey = table.Column<string>(type: "character varying(160)", maxLength: 160, nullable: true),
                    CreatedAtMs = table.Column<long>(type: "bigint", nullable: false),
                    DueAtMs = table.Column<long>(type: "bigint", nullable: false),
                    NextAttemptAtMs = table.Column<long>(type: "bigint", nullable: false),
                    State = table.Column<int>(type: "integer", nullable: false),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    ClaimToken = table.Column<Guid>(type: "uuid", nullable: true),
                    ClaimedUntilMs = table.Column<long>(type: "bigint", nullable: true),
                    SentAtMs = table.Column<long>(type: "bigint", nullable: true),
                    LastError = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NotificationOutbox", x => x.Id);
                    table.ForeignKey(
                        name: "FK_NotificationOutbox_StaffUsers_RecipientId",
                        column: x => x.RecipientId,
                        principalTable: "StaffUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "NotificationProfiles",
                columns: table => new
                {
                    StaffUserId = table.Column<Guid>(type: "uuid", nullable: false),
                    Email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: true),
                    Language = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    Muted = table.Column<int>(type: "integer", nullable: false),
                    DailyDigest = table.Column<bool>(type: "boolean", nullable: false),
                    PendingEmail = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: true),
                    PendingTokenHash = table.Column<byte[]>(type: "bytea", maxLength: 32, nullable: true),
                    PendingExpiresAtMs = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NotificationProfiles", x => x.StaffUserId);
                    table.ForeignKey(
                        name: "FK_NotificationProfiles_StaffUsers_StaffUserId",
                        column: x => x.StaffUserId,
                        principalTable: "StaffUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "StaffPasskeys",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    StaffUserId = table.Column<Guid>(type: "uuid", nullable: false),
                    CredentialId = table.Column<byte[]>(type: "bytea", maxLength: 1023, nullable: false),
                    PublicKey = table.Column<byte[]>(type: "bytea", nullable: false),
                    SignatureCounter = table.Column<long>(type: "bigint", nullable: false),
                    Name = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    CreatedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    LastUsedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    SealedIdentity = table.Column<byte[]>(type: "bytea", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StaffPasskeys", x => x.Id);
                    table.ForeignKey(
                        name: "FK_StaffPasskeys_StaffUsers_StaffUserId",
                        column: x => x.StaffUserId,
                        principalTable: "StaffUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ChannelKeyWraps",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ChannelKeyId = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<Guid>(type: "uuid", nullable: true),
                    WrappedIdentity = table.Column<byte[]>(type: "bytea", nullable: false),
                    CreatedOn = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChannelKeyWraps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ChannelKeyWraps_ChannelKeys_ChannelKeyId",
                        column: x => x.ChannelKeyId,
                        principalTable: "ChannelKeys",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ChannelKeyWraps_StaffUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "StaffUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CaseEntries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    CreatedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    AuthorId = table.Column<Guid>(type: "uuid", nullable: true),
                    Sealed = table.Column<byte[]>(type: "bytea", nullable: true),
                    ReadableByReporter = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CaseEntries_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CaseMeasures",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    CreatedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    DoneOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Sealed = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseMeasures", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CaseMeasures_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CaseAttachments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    EntryId = table.Column<Guid>(type: "uuid", nullable: false),
                    Index = table.Column<int>(type: "integer", nullable: false),
                    FileName = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    SealedLength = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseAttachments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CaseAttachments_CaseEntries_EntryId",
                        column: x => x.EntryId,
                        principalTable: "CaseEntries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_ChannelId",
                table: "AuditEntries",
                column: "ChannelId");

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_SubjectId",
                table: "AuditEntries",
                column: "SubjectId");

            migrationBuilder.CreateIndex(
                name: "IX_CaseAttachments_EntryId",
                table: "CaseAttachments",
                column: "EntryId");

            migrationBuilder.CreateIndex(
                name: "IX_CaseAttachments_FileName",
                table: "CaseAttachments",
                column: "FileName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CaseEntries_CaseId_Position",
                table: "CaseEntries",
                columns: new[] { "CaseId", "Position" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CaseMeasures_CaseId_Position",
                table: "CaseMeasures",
                columns: new[] { "CaseId", "Position" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CaseMeasures_Status_DueOn",
                table: "CaseMeasures",
                columns: new[] { "Status", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_AssigneeId",
                table: "Cases",
                column: "AssigneeId");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_CaseNumber",
                table: "Cases",
                column: "CaseNumber",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Cases_ChannelId_AssigneeId",
                table: "Cases",
                columns: new[] { "ChannelId", "AssigneeId" });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_ChannelId_NextDeadline",
                table: "Cases",
                columns: new[] { "ChannelId", "NextDeadline" });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_ChannelId_ReceivedOn",
                table: "Cases",
                columns: new[] { "ChannelId", "ReceivedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_ChannelId_Status_ReceivedOn",
                table: "Cases",
                columns: new[] { "ChannelId", "Status", "ReceivedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_ChannelId_Year_Sequence",
                table: "Cases",
                columns: new[] { "ChannelId", "Year", "Sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Cases_DisposeOn",
                table: "Cases",
                column: "DisposeOn");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_Inbox_Assignee",
                table: "Cases",
                columns: new[] { "ChannelId", "AssigneeId", "DisposedOn", "ReceivedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_Inbox_Deadline",
                table: "Cases",
                columns: new[] { "ChannelId", "DisposedOn", "NextDeadline", "ReceivedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_Inbox_Number",
                table: "Cases",
                columns: new[] { "ChannelId", "DisposedOn", "Year", "Sequence" });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_Inbox_Received",
                table: "Cases",
                columns: new[] { "ChannelId", "DisposedOn", "ReceivedOn", "Sequence" });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_Inbox_Unread",
                table: "Cases",
                columns: new[] { "ChannelId", "UnreadReporterMessages" });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_MailboxLookupId",
                table: "Cases",
                column: "MailboxLookupId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ChannelKeys_ChannelId_Version",
                table: "ChannelKeys",
                columns: new[] { "ChannelId", "Version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ChannelKeyWraps_ChannelKeyId_UserId",
                table: "ChannelKeyWraps",
                columns: new[] { "ChannelKeyId", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ChannelKeyWraps_UserId",
                table: "ChannelKeyWraps",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_ChannelMemberships_UserId",
                table: "ChannelMemberships",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_Channels_Code",
                table: "Channels",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Instance_InstanceId",
                table: "Instance",
                column: "InstanceId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_KnownDevices_StaffUserId_TokenHash",
                table: "KnownDevices",
                columns: new[] { "StaffUserId", "TokenHash" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_NotificationOutbox_DedupeKey",
                table: "NotificationOutbox",
                column: "DedupeKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_NotificationOutbox_RecipientId_State",
                table: "NotificationOutbox",
                columns: new[] { "RecipientId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_NotificationOutbox_State_DueAtMs",
                table: "NotificationOutbox",
                columns: new[] { "State", "DueAtMs" });

            migrationBuilder.CreateIndex(
                name: "IX_StaffPasskeys_CredentialId",
                table: "StaffPasskeys",
                column: "CredentialId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_StaffPasskeys_StaffUserId",
                table: "StaffPasskeys",
                column: "StaffUserId");

            migrationBuilder.CreateIndex(
                name: "IX_StaffUsers_Username",
                table: "StaffUsers",
                column: "Username",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AuditEntries");

            migrationBuilder.DropTable(
                name: "CaseAttachments");

            migrationBuilder.DropTable(
                name: "CaseMeasures");

            migrationBuilder.DropTable(
                name: "ChannelKeyWraps");

            migrationBuilder.DropTable(
                name: "ChannelMemberships");

            migrationBuilder.DropTable(
                name: "Instance");

            migrationBuilder.DropTable(
                name: "KnownDevices");

            migrationBuilder.DropTable(
                name: "NotificationOutbox");

            migrationBuilder.DropTable(
                name: "NotificationProfiles");

            migrationBuilder.DropTable(
                name: "Organisation");

            migrationBuilder.DropTable(
                name: "OrganisationLogo");

            migrationBuilder.DropTable(
                name: "OrganisationUnits");

            migrationBuilder.DropTable(
                name: "SiteTexts");

            migrationBuilder.DropTable(
                name: "StaffPasskeys");

            migrationBuilder.DropTable(
                name: "CaseEntries");

            migrationBuilder.DropTable(
                name: "ChannelKeys");

            migrationBuilder.DropTable(
                name: "Cases");

            migrationBuilder.DropTable(
                name: "Channels");

            migrationBuilder.DropTable(
                name: "StaffUsers");
        }
    }
}
