using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Intake.Web.Storage.Migrations
{
    /// <summary>
    /// A handler's reply keeps what it counted as: a plain message, the legal acknowledgement or the feedback, so
    /// the mailbox can name them. Replies written before keep no purpose; the case's acknowledgement and feedback
    /// days name them as well as they can: the first reply of the acknowledgement day is the acknowledgement, the
    /// last other reply of the feedback day the feedback. Every other reply is a message.
    /// </summary>
    public partial class ReplyPurpose : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Purpose",
                table: "CaseEntries",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            // HandlerMessage = 2; ReplyPurpose: Acknowledgement = 1, Feedback = 2.
            migrationBuilder.Sql("""
                UPDATE CaseEntries SET Purpose = 1 WHERE Id IN (
                    SELECT e.Id FROM CaseEntries e JOIN Cases c ON c.Id = e.CaseId
                    WHERE e.Kind = 2 AND e.CreatedOn = c.AcknowledgedOn
                      AND e.Position = (SELECT MIN(f.Position) FROM CaseEntries f WHERE f.CaseId = e.CaseId AND f.Kind = 2 AND f.CreatedOn = c.AcknowledgedOn));
                """);
            migrationBuilder.Sql("""
                UPDATE CaseEntries SET Purpose = 2 WHERE Id IN (
                    SELECT e.Id FROM CaseEntries e JOIN Cases c ON c.Id = e.CaseId
                    WHERE e.Kind = 2 AND e.Purpose = 0 AND e.CreatedOn = c.FeedbackGivenOn
                      AND e.Position = (SELECT MAX(f.Position) FROM CaseEntries f WHERE f.CaseId = e.CaseId AND f.Kind = 2 AND f.Purpose = 0 AND f.CreatedOn = c.FeedbackGivenOn));
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Purpose",
                table: "CaseEntries");
        }
    }
}
