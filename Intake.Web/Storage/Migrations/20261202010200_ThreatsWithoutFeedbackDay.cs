using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Intake.Web.Storage.Migrations
{
    /// <summary>
    /// Threats cases have no feedback day (the whistleblowing act's three months do not apply to them). The threats
    /// workflow could not clear it in its own statements, which run before SQLite rebuilds the table to let the
    /// column hold NULL; a database that already has cases of that channel is cleared here.
    /// </summary>
    public partial class ThreatsWithoutFeedbackDay : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("UPDATE Cases SET FeedbackDue = NULL WHERE ChannelId IN (SELECT Id FROM Channels WHERE Code = 'threat');");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
        }
    }
}
