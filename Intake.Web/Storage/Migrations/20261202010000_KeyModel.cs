using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Intake.Web.Storage.Migrations
{
    /// <inheritdoc />
    public partial class KeyModel : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "MailboxLegacy",
                table: "Cases",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<byte[]>(
                name: "Mac",
                table: "AuditEntries",
                type: "BLOB",
                nullable: true);

            // Cases from before the mailbox authenticator still hold the v1 lookup id; each moves to its verifier
            // on the reporter's next visit (docs/mailbox-token.md). Disposed cases hold a random value and no mailbox.
            migrationBuilder.Sql("UPDATE Cases SET MailboxLegacy = 1 WHERE DisposedOn IS NULL;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "MailboxLegacy",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "Mac",
                table: "AuditEntries");
        }
    }
}
