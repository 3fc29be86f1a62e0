using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Intake.Web.Storage.Migrations
{
    /// <inheritdoc />
    public partial class ThreatsWorkflow : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<DateOnly>(
                name: "FeedbackDue",
                table: "Cases",
                type: "TEXT",
                nullable: true,
                oldClrType: typeof(DateOnly),
                oldType: "TEXT");

            migrationBuilder.AddColumn<string>(
                name: "Consequences",
                table: "Cases",
                type: "TEXT",
                maxLength: 128,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "FirstContactOn",
                table: "Cases",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "FirstContactRequested",
                table: "Cases",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateOnly>(
                name: "FollowedUpOn",
                table: "Cases",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "IdentityMode",
                table: "Cases",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "NextDeadlineKind",
                table: "Cases",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OrganisationUnit",
                table: "Cases",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "RiskAssessmentUpdatedOn",
                table: "Cases",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SupportWanted",
                table: "Cases",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "Urgent",
                table: "Cases",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateOnly>(
                name: "WorkEnvironmentDecidedOn",
                table: "Cases",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "WorkEnvironmentNotReportedReason",
                table: "Cases",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "CaseMeasures",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    DoneOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Sealed = table.Column<byte[]>(type: "BLOB", nullable: false)
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
                name: "OrganisationUnits",
                columns: table => new
                {
                    Code = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Retired = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OrganisationUnits", x => x.Code);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CaseMeasures_CaseId_Position",
                table: "CaseMeasures",
                columns: new[] { "CaseId", "Position" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CaseMeasures_Status_DueOn",
                table: "CaseMeasures",
                columns: new[] { "Status", "DueOn" });

            // Deadlines now follow each channel kind's rules. Whistleblowing cases keep theirs and get the kind of
            // their next deadline; threats cases lose the whistleblowing act's dates, keep a decision already made
            // ("report to Arbetsmiljöverket" set by the earlier triage), and get their open reports and follow-up.
            // Their feedback day is cleared by the next migration: SQLite makes the column nullable by rebuilding the
            // table after these statements, so here it still refuses NULL.
            migrationBuilder.Sql("""
                UPDATE Cases SET NextDeadlineKind = CASE
                    WHEN NextDeadline IS NULL THEN NULL
                    WHEN AcknowledgementDue IS NOT NULL AND AcknowledgedOn IS NULL THEN 'acknowledgement'
                    ELSE 'feedback' END
                WHERE ChannelId IN (SELECT Id FROM Channels WHERE Code = 'whistleblowing');
                UPDATE Cases SET AcknowledgementDue = NULL,
                    WorkEnvironmentDecidedOn = CASE WHEN WorkEnvironmentReportNeeded = 1 THEN ReceivedOn ELSE NULL END,
                    NextDeadline = CASE
                        WHEN Status = 4 OR DisposedOn IS NOT NULL THEN NULL
                        WHEN WorkEnvironmentReportNeeded = 1 AND WorkEnvironmentReportedOn IS NULL THEN ReceivedOn
                        WHEN SocialInsuranceReportNeeded = 1 AND SocialInsuranceReportedOn IS NULL THEN ReceivedOn
                        ELSE FollowUpOn END,
                    NextDeadlineKind = CASE
                        WHEN Status = 4 OR DisposedOn IS NOT NULL THEN NULL
                        WHEN WorkEnvironmentReportNeeded = 1 AND WorkEnvironmentReportedOn IS NULL THEN 'awe-report'
                        WHEN SocialInsuranceReportNeeded = 1 AND SocialInsuranceReportedOn IS NULL THEN 'fk-report'
                        WHEN FollowUpOn IS NOT NULL THEN 'follow-up'
                        ELSE NULL END
                WHERE ChannelId IN (SELECT Id FROM Channels WHERE Code = 'threat');
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CaseMeasures");

            migrationBuilder.DropTable(
                name: "OrganisationUnits");

            migrationBuilder.DropColumn(
                name: "Consequences",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "FirstContactOn",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "FirstContactRequested",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "FollowedUpOn",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "IdentityMode",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "NextDeadlineKind",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "OrganisationUnit",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "RiskAssessmentUpdatedOn",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "SupportWanted",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "Urgent",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "WorkEnvironmentDecidedOn",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "WorkEnvironmentNotReportedReason",
                table: "Cases");

            migrationBuilder.AlterColumn<DateOnly>(
                name: "FeedbackDue",
                table: "Cases",
                type: "TEXT",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1),
                oldClrType: typeof(DateOnly),
                oldType: "TEXT",
                oldNullable: true);
        }
    }
}
