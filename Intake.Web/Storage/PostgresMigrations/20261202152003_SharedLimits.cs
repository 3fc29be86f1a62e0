using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Intake.Web.Storage.PostgresMigrations
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
                    Key = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Amount = table.Column<double>(type: "double precision", nullable: false),
                    Moment = table.Column<long>(type: "bigint", nullable: false),
                    ExpiresAt = table.Column<long>(type: "bigint", nullable: false),
                    Value = table.Column<string>(type: "text", nullable: true)
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
