using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Intake.Web.Storage.Migrations
{
    /// <inheritdoc />
    public partial class CaseHandling : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "AcknowledgedOn",
                table: "Cases",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "AcknowledgementDue",
                table: "Cases",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "AssigneeId",
                table: "Cases",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ClosedOn",
                table: "Cases",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "DisposeOn",
                table: "Cases",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "DisposedOn",
                table: "Cases",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "FeedbackDue",
                table: "Cases",
                type: "TEXT",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1));

            migrationBuilder.AddColumn<DateOnly>(
                name: "FeedbackGivenOn",
                table: "Cases",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "FollowUpOn",
                table: "Cases",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "HandlerCategories",
                table: "Cases",
                type: "TEXT",
                maxLength: 512,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "LegalHold",
                table: "Cases",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateOnly>(
                name: "NextDeadline",
                table: "Cases",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Origin",
                table: "Cases",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "Outcome",
                table: "Cases",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "RegistryExportedOn",
                table: "Cases",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "RiskAssessmentUpdated",
                table: "Cases",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<byte[]>(
                name: "SealedTriage",
                table: "Cases",
                type: "BLOB",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "SocialInsuranceReportNeeded",
                table: "Cases",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateOnly>(
                name: "SocialInsuranceReportedOn",
                table: "Cases",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "UnreadReporterMessages",
                table: "Cases",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<bool>(
                name: "WorkEnvironmentReportNeeded",
                table: "Cases",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateOnly>(
                name: "WorkEnvironmentReportedOn",
                table: "Cases",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Cases_AssigneeId",
                table: "Cases",
                column: "AssigneeId");

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
                name: "IX_Cases_DisposeOn",
                table: "Cases",
                column: "DisposeOn");

            migrationBuilder.AddForeignKey(
                name: "FK_Cases_StaffUsers_AssigneeId",
                table: "Cases",
                column: "AssigneeId",
                principalTable: "StaffUsers",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Cases_StaffUsers_AssigneeId",
                table: "Cases");

            migrationBuilder.DropIndex(
                name: "IX_Cases_AssigneeId",
                table: "Cases");

            migrationBuilder.DropIndex(
                name: "IX_Cases_ChannelId_AssigneeId",
                table: "Cases");

            migrationBuilder.DropIndex(
                name: "IX_Cases_ChannelId_NextDeadline",
                table: "Cases");

            migrationBuilder.DropIndex(
                name: "IX_Cases_ChannelId_ReceivedOn",
                table: "Cases");

            migrationBuilder.DropIndex(
                name: "IX_Cases_DisposeOn",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "AcknowledgedOn",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "AcknowledgementDue",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "AssigneeId",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "ClosedOn",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "DisposeOn",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "DisposedOn",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "FeedbackDue",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "FeedbackGivenOn",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "FollowUpOn",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "HandlerCategories",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "LegalHold",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "NextDeadline",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "Origin",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "Outcome",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "RegistryExportedOn",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "RiskAssessmentUpdated",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "SealedTriage",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "SocialInsuranceReportNeeded",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "SocialInsuranceReportedOn",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "UnreadReporterMessages",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "WorkEnvironmentReportNeeded",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "WorkEnvironmentReportedOn",
                table: "Cases");
        }
    }
}
