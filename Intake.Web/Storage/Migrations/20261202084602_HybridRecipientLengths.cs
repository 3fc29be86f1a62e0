using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Intake.Web.Storage.Migrations
{
    /// <summary>
    /// The recipient columns (staff, recovery, channel keys, mailboxes) hold hybrid post-quantum recipients of
    /// 1 959 characters. SQLite's TEXT has no length, so nothing in the database changes; only the model does.
    /// </summary>
    public partial class HybridRecipientLengths : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
        }
    }
}
