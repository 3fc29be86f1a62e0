using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Intake.Web.Storage.Migrations
{
    /// <inheritdoc />
    public partial class SharedLimits : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SharedLimits",
                columns: table => new
                {
                    Key = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Amount = table.Column<double>(type: "REAL", nullable: false),
                    Moment = table.Column<long>(type: "INTEGER", nullable: false),
                    ExpiresAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Value = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SharedLimits", x => x.Key);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SharedLimits_ExpiresAt",
                table: "SharedLimits",
                column: "ExpiresAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SharedLimits");
        }
    }
}
