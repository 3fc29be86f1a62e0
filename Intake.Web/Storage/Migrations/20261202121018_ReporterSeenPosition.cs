using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Intake.Web.Storage.Migrations
{
    /// <summary>
    /// How far the reporter has read a case's thread, kept as a position (never a time), so replies since their last
    /// visit can be marked new. Cases from before start at nothing seen: every reply is new once.
    /// </summary>
    public partial class ReporterSeenPosition : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "ReporterSeenPosition",
                table: "Cases",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ReporterSeenPosition",
                table: "Cases");
        }
    }
}
