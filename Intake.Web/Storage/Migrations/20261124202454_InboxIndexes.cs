using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Intake.Web.Storage.Migrations
{
    /// <inheritdoc />
    public partial class InboxIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Cases_Inbox_Assignee",
                table: "Cases");

            migrationBuilder.DropIndex(
                name: "IX_Cases_Inbox_Deadline",
                table: "Cases");

            migrationBuilder.DropIndex(
                name: "IX_Cases_Inbox_Number",
                table: "Cases");

            migrationBuilder.DropIndex(
                name: "IX_Cases_Inbox_Received",
                table: "Cases");

            migrationBuilder.DropIndex(
                name: "IX_Cases_Inbox_Unread",
                table: "Cases");
        }
    }
}
