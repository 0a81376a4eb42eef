using System;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AdPilot.Migrations.MySql.Migrations
{
    /// <inheritdoc />
    public partial class LandingPagesVersionsLeadsStats : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Conversions",
                table: "LandingPages");

            migrationBuilder.DropColumn(
                name: "Visits",
                table: "LandingPages");

            migrationBuilder.AddColumn<bool>(
                name: "NotifyOnLead",
                table: "LandingPages",
                type: "tinyint(1)",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "PublishedETag",
                table: "LandingPages",
                type: "varchar(80)",
                maxLength: 80,
                nullable: true)
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.AddColumn<string>(
                name: "PublishedKey",
                table: "LandingPages",
                type: "varchar(512)",
                maxLength: 512,
                nullable: true)
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.AddColumn<int>(
                name: "PublishedVersion",
                table: "LandingPages",
                type: "int",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "LandingPageDailyStats",
                columns: table => new
                {
                    LandingPageId = table.Column<long>(type: "bigint", nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    UserId = table.Column<long>(type: "bigint", nullable: false),
                    Views = table.Column<long>(type: "bigint", nullable: false),
                    Clicks = table.Column<long>(type: "bigint", nullable: false),
                    Leads = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LandingPageDailyStats", x => new { x.LandingPageId, x.Date });
                    table.ForeignKey(
                        name: "FK_LandingPageDailyStats_LandingPages_LandingPageId",
                        column: x => x.LandingPageId,
                        principalTable: "LandingPages",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                })
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.CreateTable(
                name: "LandingPageLeads",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("MySql:ValueGenerationStrategy", MySqlValueGenerationStrategy.IdentityColumn),
                    UserId = table.Column<long>(type: "bigint", nullable: false),
                    LandingPageId = table.Column<long>(type: "bigint", nullable: false),
                    FieldsJson = table.Column<string>(type: "longtext", nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    Email = table.Column<string>(type: "varchar(254)", maxLength: 254, nullable: true)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    CreatedAt = table.Column<DateTime>(type: "datetime(6)", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LandingPageLeads", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LandingPageLeads_LandingPages_LandingPageId",
                        column: x => x.LandingPageId,
                        principalTable: "LandingPages",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                })
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.CreateTable(
                name: "LandingPageVersions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("MySql:ValueGenerationStrategy", MySqlValueGenerationStrategy.IdentityColumn),
                    UserId = table.Column<long>(type: "bigint", nullable: false),
                    LandingPageId = table.Column<long>(type: "bigint", nullable: false),
                    Version = table.Column<int>(type: "int", nullable: false),
                    ContentJson = table.Column<string>(type: "longtext", nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    HtmlBytes = table.Column<int>(type: "int", nullable: false),
                    PublishedAt = table.Column<DateTime>(type: "datetime(6)", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LandingPageVersions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LandingPageVersions_LandingPages_LandingPageId",
                        column: x => x.LandingPageId,
                        principalTable: "LandingPages",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                })
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.CreateIndex(
                name: "IX_LandingPageDailyStats_UserId_Date",
                table: "LandingPageDailyStats",
                columns: new[] { "UserId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_LandingPageLeads_LandingPageId_CreatedAt",
                table: "LandingPageLeads",
                columns: new[] { "LandingPageId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_LandingPageLeads_UserId_CreatedAt",
                table: "LandingPageLeads",
                columns: new[] { "UserId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_LandingPageVersions_LandingPageId_Version",
                table: "LandingPageVersions",
                columns: new[] { "LandingPageId", "Version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_LandingPageVersions_UserId",
                table: "LandingPageVersions",
                column: "UserId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "LandingPageDailyStats");

            migrationBuilder.DropTable(
                name: "LandingPageLeads");

            migrationBuilder.DropTable(
                name: "LandingPageVersions");

            migrationBuilder.DropColumn(
                name: "NotifyOnLead",
                table: "LandingPages");

            migrationBuilder.DropColumn(
                name: "PublishedETag",
                table: "LandingPages");

            migrationBuilder.DropColumn(
                name: "PublishedKey",
                table: "LandingPages");

            migrationBuilder.DropColumn(
                name: "PublishedVersion",
                table: "LandingPages");

            migrationBuilder.AddColumn<long>(
                name: "Conversions",
                table: "LandingPages",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "Visits",
                table: "LandingPages",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);
        }
    }
}
