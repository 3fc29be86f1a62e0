using Microsoft.EntityFrameworkCore.Migrations;

namespace Intake.Web.Storage.Migrations
{
    /// <summary>
    /// The administrator's texts move from per-language columns (NameSv, NameEn, …) to one row per owner, field and
    /// language, so that a new language needs no migration.
    /// </summary>
    public partial class SiteTexts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SiteTexts",
                columns: table => new
                {
                    Owner = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Field = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Value = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SiteTexts", x => new { x.Owner, x.Field, x.Language });
                });

            // The organisation's texts move as they are; a channel's only where the administrator changed the
            // built-in wording, which now comes from the resource files in every language.
            migrationBuilder.Sql("INSERT INTO \"SiteTexts\" SELECT 'organisation', 'name', 'sv', \"Name\" FROM \"Organisation\" WHERE \"Name\" <> '';");
            migrationBuilder.Sql("INSERT INTO \"SiteTexts\" SELECT 'organisation', 'contact', 'sv', \"ContactTextSv\" FROM \"Organisation\" WHERE \"ContactTextSv\" <> '';");
            migrationBuilder.Sql("INSERT INTO \"SiteTexts\" SELECT 'organisation', 'contact', 'en', \"ContactTextEn\" FROM \"Organisation\" WHERE \"ContactTextEn\" <> '';");
            migrationBuilder.Sql("INSERT INTO \"SiteTexts\" SELECT 'channel:' || \"Code\", 'name', 'sv', \"NameSv\" FROM \"Channels\" WHERE \"NameSv\" <> '' AND NOT (\"Code\" = 'whistleblowing' AND \"NameSv\" = 'Visselblåsning') AND NOT (\"Code\" = 'threat' AND \"NameSv\" = 'Hot och våld');");
            migrationBuilder.Sql("INSERT INTO \"SiteTexts\" SELECT 'channel:' || \"Code\", 'name', 'en', \"NameEn\" FROM \"Channels\" WHERE \"NameEn\" <> '' AND NOT (\"Code\" = 'whistleblowing' AND \"NameEn\" = 'Whistleblowing') AND NOT (\"Code\" = 'threat' AND \"NameEn\" = 'Threats and violence');");
            migrationBuilder.Sql("INSERT INTO \"SiteTexts\" SELECT 'channel:' || \"Code\", 'intro', 'sv', \"IntroSv\" FROM \"Channels\" WHERE \"IntroSv\" <> '' AND NOT (\"Code\" = 'whistleblowing' AND \"IntroSv\" = 'Rapportera missförhållanden i kommunens verksamhet som det finns ett allmänintresse av att de kommer fram. Rapporten tas emot av kommunens visselblåsarfunktion.') AND NOT (\"Code\" = 'threat' AND \"IntroSv\" = 'Rapportera hot, trakasserier eller våld som du utsatts för i ditt arbete eller ditt politiska uppdrag. Rapporten tas emot av kommunens säkerhetssamordnare.');");
            migrationBuilder.Sql("INSERT INTO \"SiteTexts\" SELECT 'channel:' || \"Code\", 'intro', 'en', \"IntroEn\" FROM \"Channels\" WHERE \"IntroEn\" <> '' AND NOT (\"Code\" = 'whistleblowing' AND \"IntroEn\" = 'Report wrongdoing in the municipality''s operations that the public has an interest in bringing to light. The report is received by the municipality''s whistleblowing function.') AND NOT (\"Code\" = 'threat' AND \"IntroEn\" = 'Report threats, harassment or violence you suffered in your work or political assignment. The report is received by the municipality''s security coordinators.');");

            // SQLite drops a column in place (3.35 and later), inside the migration's transaction.
            migrationBuilder.Sql("ALTER TABLE \"Organisation\" DROP COLUMN \"ContactTextEn\";");
            migrationBuilder.Sql("ALTER TABLE \"Organisation\" DROP COLUMN \"ContactTextSv\";");
            migrationBuilder.Sql("ALTER TABLE \"Organisation\" DROP COLUMN \"Name\";");
            migrationBuilder.Sql("ALTER TABLE \"Channels\" DROP COLUMN \"IntroEn\";");
            migrationBuilder.Sql("ALTER TABLE \"Channels\" DROP COLUMN \"IntroSv\";");
            migrationBuilder.Sql("ALTER TABLE \"Channels\" DROP COLUMN \"NameEn\";");
            migrationBuilder.Sql("ALTER TABLE \"Channels\" DROP COLUMN \"NameSv\";");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("ALTER TABLE \"Organisation\" ADD COLUMN \"Name\" TEXT NOT NULL DEFAULT '';");
            migrationBuilder.Sql("ALTER TABLE \"Organisation\" ADD COLUMN \"ContactTextSv\" TEXT NOT NULL DEFAULT '';");
            migrationBuilder.Sql("ALTER TABLE \"Organisation\" ADD COLUMN \"ContactTextEn\" TEXT NOT NULL DEFAULT '';");
            migrationBuilder.Sql("ALTER TABLE \"Channels\" ADD COLUMN \"NameSv\" TEXT NOT NULL DEFAULT '';");
            migrationBuilder.Sql("ALTER TABLE \"Channels\" ADD COLUMN \"NameEn\" TEXT NOT NULL DEFAULT '';");
            migrationBuilder.Sql("ALTER TABLE \"Channels\" ADD COLUMN \"IntroSv\" TEXT NOT NULL DEFAULT '';");
            migrationBuilder.Sql("ALTER TABLE \"Channels\" ADD COLUMN \"IntroEn\" TEXT NOT NULL DEFAULT '';");
            migrationBuilder.Sql("UPDATE \"Organisation\" SET \"Name\" = COALESCE((SELECT \"Value\" FROM \"SiteTexts\" WHERE \"Owner\" = 'organisation' AND \"Field\" = 'name' AND \"Language\" = 'sv'), '');");
            migrationBuilder.Sql("UPDATE \"Organisation\" SET \"ContactTextSv\" = COALESCE((SELECT \"Value\" FROM \"SiteTexts\" WHERE \"Owner\" = 'organisation' AND \"Field\" = 'contact' AND \"Language\" = 'sv'), '');");
            migrationBuilder.Sql("UPDATE \"Organisation\" SET \"ContactTextEn\" = COALESCE((SELECT \"Value\" FROM \"SiteTexts\" WHERE \"Owner\" = 'organisation' AND \"Field\" = 'contact' AND \"Language\" = 'en'), '');");
            migrationBuilder.Sql("UPDATE \"Channels\" SET \"NameSv\" = COALESCE((SELECT \"Value\" FROM \"SiteTexts\" WHERE \"Owner\" = 'channel:' || \"Channels\".\"Code\" AND \"Field\" = 'name' AND \"Language\" = 'sv'), CASE \"Code\" WHEN 'whistleblowing' THEN 'Visselblåsning' WHEN 'threat' THEN 'Hot och våld' ELSE '' END);");
            migrationBuilder.Sql("UPDATE \"Channels\" SET \"NameEn\" = COALESCE((SELECT \"Value\" FROM \"SiteTexts\" WHERE \"Owner\" = 'channel:' || \"Channels\".\"Code\" AND \"Field\" = 'name' AND \"Language\" = 'en'), CASE \"Code\" WHEN 'whistleblowing' THEN 'Whistleblowing' WHEN 'threat' THEN 'Threats and violence' ELSE '' END);");
            migrationBuilder.Sql("UPDATE \"Channels\" SET \"IntroSv\" = COALESCE((SELECT \"Value\" FROM \"SiteTexts\" WHERE \"Owner\" = 'channel:' || \"Channels\".\"Code\" AND \"Field\" = 'intro' AND \"Language\" = 'sv'), CASE \"Code\" WHEN 'whistleblowing' THEN 'Rapportera missförhållanden i kommunens verksamhet som det finns ett allmänintresse av att de kommer fram. Rapporten tas emot av kommunens visselblåsarfunktion.' WHEN 'threat' THEN 'Rapportera hot, trakasserier eller våld som du utsatts för i ditt arbete eller ditt politiska uppdrag. Rapporten tas emot av kommunens säkerhetssamordnare.' ELSE '' END);");
            migrationBuilder.Sql("UPDATE \"Channels\" SET \"IntroEn\" = COALESCE((SELECT \"Value\" FROM \"SiteTexts\" WHERE \"Owner\" = 'channel:' || \"Channels\".\"Code\" AND \"Field\" = 'intro' AND \"Language\" = 'en'), CASE \"Code\" WHEN 'whistleblowing' THEN 'Report wrongdoing in the municipality''s operations that the public has an interest in bringing to light. The report is received by the municipality''s whistleblowing function.' WHEN 'threat' THEN 'Report threats, harassment or violence you suffered in your work or political assignment. The report is received by the municipality''s security coordinators.' ELSE '' END);");
            migrationBuilder.DropTable(name: "SiteTexts");
        }
    }
}
