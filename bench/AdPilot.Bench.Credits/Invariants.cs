using System.Globalization;
using MySqlConnector;

namespace AdPilot.Bench.Credits;

/// <summary>
/// The ledger invariants after a case, in plain SQL over the case's accounts: no bucket below zero, each bucket equal to
/// the sum of its ledger deltas, and exactly one Deduct row (of the operation's price) per successful call.
/// </summary>
internal static class Invariants
{
    public static async Task<InvariantReport> CheckAsync(string connectionString, IReadOnlyList<long> accounts, long successes, decimal price)
    {
        var ids = string.Join(",", accounts.Select(a => a.ToString(CultureInfo.InvariantCulture)));
        await using var connection = new MySqlConnection(connectionString);
        await connection.OpenAsync();

        var balances = await ScalarAsync(connection, $"SELECT COUNT(*) FROM CreditBalances WHERE UserId IN ({ids})");
        var negative = await ScalarAsync(connection, $"SELECT COUNT(*) FROM CreditBalances WHERE UserId IN ({ids}) AND (Gifted < 0 OR Purchased < 0)");
        var ledgerMismatch = await ScalarAsync(connection, $"""
            SELECT COUNT(*) FROM CreditBalances b
            LEFT JOIN (SELECT UserId, SUM(GiftedDelta) AS g, SUM(PurchasedDelta) AS p FROM CreditTransactions WHERE UserId IN ({ids}) GROUP BY UserId) t
              ON t.UserId = b.UserId
            WHERE b.UserId IN ({ids}) AND (b.Gifted <> COALESCE(t.g, 0) OR b.Purchased <> COALESCE(t.p, 0))
            """);
        var badRows = await ScalarAsync(connection, $"SELECT COUNT(*) FROM CreditTransactions WHERE UserId IN ({ids}) AND Amount <> GiftedDelta + PurchasedDelta");

        await using var command = new MySqlCommand($"""
            SELECT COUNT(*), COALESCE(-SUM(Amount), 0), COALESCE(SUM(GiftedDelta < 0), 0), COALESCE(SUM(PurchasedDelta < 0), 0)
            FROM CreditTransactions WHERE UserId IN ({ids}) AND Type = 'Deduct'
            """, connection);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        var deductRows = reader.GetInt64(0);
        var deducted = reader.GetDecimal(1);
        var fromGifted = Convert.ToInt64(reader.GetValue(2), CultureInfo.InvariantCulture);
        var fromPurchased = Convert.ToInt64(reader.GetValue(3), CultureInfo.InvariantCulture);

        return new InvariantReport(accounts.Count, balances, negative, ledgerMismatch, badRows, deductRows, successes, deducted, successes * price, fromGifted, fromPurchased);
    }

    private static async Task<long> ScalarAsync(MySqlConnection connection, string sql)
    {
        await using var command = new MySqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }
}

internal sealed record InvariantReport(
    int Accounts,
    long BalanceRows,
    long NegativeBuckets,
    long LedgerMismatches,
    long InconsistentRows,
    long DeductRows,
    long Successes,
    decimal Deducted,
    decimal ExpectedDeducted,
    long RowsFromGifted,
    long RowsFromPurchased)
{
    /// <summary>Each account breaking a rule counts once; a Deduct-row or credit-total mismatch counts by how far it is off.</summary>
    public long Violations =>
        (Accounts - BalanceRows) + NegativeBuckets + LedgerMismatches + InconsistentRows + Math.Abs(DeductRows - Successes)
        + (Deducted == ExpectedDeducted ? 0 : Math.Max(1, (long)Math.Abs(Deducted - ExpectedDeducted)));
}
