using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AdPilot.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AutomationRules : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AutomationRules",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserId = table.Column<long>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Enabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    AdAccountId = table.Column<long>(type: "INTEGER", nullable: false),
                    CampaignIdsJson = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    AdSetIdsJson = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Level = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ConditionsJson = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    LookbackDays = table.Column<int>(type: "INTEGER", nullable: false),
                    IncludeToday = table.Column<bool>(type: "INTEGER", nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    BudgetChangePercent = table.Column<long>(type: "INTEGER", precision: 9, scale: 2, nullable: true),
                    BudgetCap = table.Column<long>(type: "INTEGER", precision: 18, scale: 2, nullable: true),
                    Schedule = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    DailyHour = table.Column<int>(type: "INTEGER", nullable: false),
                    CooldownHours = table.Column<int>(type: "INTEGER", nullable: false),
                    ErrorStopThreshold = table.Column<int>(type: "INTEGER", nullable: false),
                    ConsecutiveErrors = table.Column<int>(type: "INTEGER", nullable: false),
                    DisabledReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    LastRunAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    NextRunAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AutomationRules", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AutomationRules_AdAccounts_AdAccountId",
                        column: x => x.AdAccountId,
                        principalTable: "AdAccounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AutomationRules_Users_UserId",
                        column: x => x.UserId,
                        principalTable: "Users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AutomationRuleRuns",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserId = table.Column<long>(type: "INTEGER", nullable: false),
                    RuleId = table.Column<long>(type: "INTEGER", nullable: false),
                    StartedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    FinishedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Trigger = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Matched = table.Column<int>(type: "INTEGER", nullable: false),
                    Acted = table.Column<int>(type: "INTEGER", nullable: false),
                    Skipped = table.Column<int>(type: "INTEGER", nullable: false),
                    Failed = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Message = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AutomationRuleRuns", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AutomationRuleRuns_AutomationRules_RuleId",
                        column: x => x.RuleId,
                        principalTable: "AutomationRules",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AutomationRuleRuns_Users_UserId",
                        column: x => x.UserId,
                        principalTable: "Users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AutomationRuleRunItems",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RunId = table.Column<long>(type: "INTEGER", nullable: false),
                    EntityType = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    EntityId = table.Column<long>(type: "INTEGER", nullable: false),
                    EntityName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ValuesJson = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    Before = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    After = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Detail = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    ActionLogId = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AutomationRuleRunItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AutomationRuleRunItems_AutomationRuleRuns_RunId",
                        column: x => x.RunId,
                        principalTable: "AutomationRuleRuns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AutomationRuleRunItems_RunId_EntityId",
                table: "AutomationRuleRunItems",
                columns: new[] { "RunId", "EntityId" });

            migrationBuilder.CreateIndex(
                name: "IX_AutomationRuleRuns_RuleId_StartedAt",
                table: "AutomationRuleRuns",
                columns: new[] { "RuleId", "StartedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_AutomationRuleRuns_UserId",
                table: "AutomationRuleRuns",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AutomationRules_AdAccountId",
                table: "AutomationRules",
                column: "AdAccountId");

            migrationBuilder.CreateIndex(
                name: "IX_AutomationRules_Enabled_NextRunAt",
                table: "AutomationRules",
                columns: new[] { "Enabled", "NextRunAt" });

            migrationBuilder.CreateIndex(
                name: "IX_AutomationRules_UserId_CreatedAt",
                table: "AutomationRules",
                columns: new[] { "UserId", "CreatedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AutomationRuleRunItems");

            migrationBuilder.DropTable(
                name: "AutomationRuleRuns");

            migrationBuilder.DropTable(
                name: "AutomationRules");
        }
    }
}
