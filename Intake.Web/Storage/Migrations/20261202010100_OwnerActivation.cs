using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Intake.Web.Storage.Migrations
{
    /// <inheritdoc />
    public partial class OwnerActivation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ActivatedAt",
                table: "StaffUsers",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<byte[]>(
                name: "ActivationCodeHash",
                table: "StaffUsers",
                type: "BLOB",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ActivationExpiresAt",
                table: "StaffUsers",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "DeactivatedOn",
                table: "StaffUsers",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ResetOn",
                table: "StaffUsers",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "ApprovedBy",
                table: "ChannelMemberships",
                type: "TEXT",
                nullable: true);

            // An account that enrolled TOTP is in use: count it as activated on the day it was created. One that never
            // signed in still has the passphrase the administrator was shown, so it stays unactivated until an
            // administrator resets it and its owner activates it with the code.
            migrationBuilder.Sql("UPDATE StaffUsers SET ActivatedAt = CreatedOn || ' 00:00:00+00:00' WHERE SealedTotpSecret IS NOT NULL;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(name: "ActivatedAt", table: "StaffUsers");
            migrationBuilder.DropColumn(name: "ActivationCodeHash", table: "StaffUsers");
            migrationBuilder.DropColumn(name: "ActivationExpiresAt", table: "StaffUsers");
            migrationBuilder.DropColumn(name: "DeactivatedOn", table: "StaffUsers");
            migrationBuilder.DropColumn(name: "ResetOn", table: "StaffUsers");
            migrationBuilder.DropColumn(name: "ApprovedBy", table: "ChannelMemberships");
        }
    }
}
