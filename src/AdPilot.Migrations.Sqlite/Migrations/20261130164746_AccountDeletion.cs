using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AdPilot.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AccountDeletion : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "RetainedCreditTransactions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AnonymousAccount = table.Column<Guid>(type: "TEXT", nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Amount = table.Column<long>(type: "INTEGER", precision: 18, scale: 4, nullable: false),
                    GiftedDelta = table.Column<long>(type: "INTEGER", precision: 18, scale: 4, nullable: false),
                    PurchasedDelta = table.Column<long>(type: "INTEGER", precision: 18, scale: 4, nullable: false),
                    BalanceAfter = table.Column<long>(type: "INTEGER", precision: 18, scale: 4, nullable: false),
                    Operation = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Model = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ConfigVersion = table.Column<int>(type: "INTEGER", nullable: true),
                    OrderId = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RetainUntil = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RetainedCreditTransactions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RetainedRechargeOrders",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AnonymousAccount = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrderId = table.Column<long>(type: "INTEGER", nullable: false),
                    PackageId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Credits = table.Column<long>(type: "INTEGER", precision: 18, scale: 4, nullable: false),
                    Price = table.Column<long>(type: "INTEGER", precision: 18, scale: 4, nullable: false),
                    Currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Gateway = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CheckoutSessionId = table.Column<string>(type: "TEXT", maxLength: 255, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    PaidAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    RetainUntil = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RetainedRechargeOrders", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "StorageDeletions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Key = table.Column<string>(type: "TEXT", maxLength: 512, nullable: false),
                    IsPrefix = table.Column<bool>(type: "INTEGER", nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    NextAttemptAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StorageDeletions", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_RetainedCreditTransactions_AnonymousAccount",
                table: "RetainedCreditTransactions",
                column: "AnonymousAccount");

            migrationBuilder.CreateIndex(
                name: "IX_RetainedCreditTransactions_RetainUntil",
                table: "RetainedCreditTransactions",
                column: "RetainUntil");

            migrationBuilder.CreateIndex(
                name: "IX_RetainedRechargeOrders_AnonymousAccount",
                table: "RetainedRechargeOrders",
                column: "AnonymousAccount");

            migrationBuilder.CreateIndex(
                name: "IX_RetainedRechargeOrders_OrderId",
                table: "RetainedRechargeOrders",
                column: "OrderId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RetainedRechargeOrders_RetainUntil",
                table: "RetainedRechargeOrders",
                column: "RetainUntil");

            migrationBuilder.CreateIndex(
                name: "IX_StorageDeletions_NextAttemptAt",
                table: "StorageDeletions",
                column: "NextAttemptAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "RetainedCreditTransactions");

            migrationBuilder.DropTable(
                name: "RetainedRechargeOrders");

            migrationBuilder.DropTable(
                name: "StorageDeletions");
        }
    }
}
