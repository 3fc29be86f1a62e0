using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Intake.Web.Storage.Migrations
{
    /// <inheritdoc />
    public partial class Cases : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Cases",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChannelId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseNumber = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    ReceivedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    SealedBy = table.Column<int>(type: "INTEGER", nullable: false),
                    ChannelKeyVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    MailboxLookupId = table.Column<byte[]>(type: "BLOB", maxLength: 32, nullable: false),
                    MailboxRecipient = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    AcknowledgementDeclined = table.Column<bool>(type: "INTEGER", nullable: false),
                    MeetingRequested = table.Column<bool>(type: "INTEGER", nullable: false),
                    Category = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ReporterRole = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    IncidentTypes = table.Column<string>(type: "TEXT", maxLength: 512, nullable: true),
                    IncidentPlace = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ContactChannels = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    PoliceReported = table.Column<bool>(type: "INTEGER", nullable: true),
                    Origin = table.Column<int>(type: "INTEGER", nullable: false),
                    AcknowledgementDue = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    AcknowledgedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    FeedbackDue = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    FeedbackGivenOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    NextDeadline = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    AssigneeId = table.Column<Guid>(type: "TEXT", nullable: true),
                    HandlerCategories = table.Column<string>(type: "TEXT", maxLength: 512, nullable: true),
                    UnreadReporterMessages = table.Column<int>(type: "INTEGER", nullable: false),
                    WorkEnvironmentReportNeeded = table.Column<bool>(type: "INTEGER", nullable: false),
                    WorkEnvironmentReportedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    SocialInsuranceReportNeeded = table.Column<bool>(type: "INTEGER", nullable: false),
                    SocialInsuranceReportedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    RiskAssessmentUpdated = table.Column<bool>(type: "INTEGER", nullable: false),
                    FollowUpOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    SealedTriage = table.Column<byte[]>(type: "BLOB", nullable: true),
                    ClosedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    DisposeOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    LegalHold = table.Column<bool>(type: "INTEGER", nullable: false),
                    RegistryExportedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DisposedOn = table.Column<DateOnly>(type: "TEXT", nullable: true)
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
                name: "CaseEntries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    AuthorId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Sealed = table.Column<byte[]>(type: "BLOB", nullable: true),
                    ReadableByReporter = table.Column<bool>(type: "INTEGER", nullable: false)
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
                name: "CaseAttachments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    EntryId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Index = table.Column<int>(type: "INTEGER", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    SealedLength = table.Column<long>(type: "INTEGER", nullable: false)
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CaseAttachments");

            migrationBuilder.DropTable(
                name: "CaseEntries");

            migrationBuilder.DropTable(
                name: "Cases");
        }
    }
}
