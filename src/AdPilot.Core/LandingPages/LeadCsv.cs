using System.Globalization;
using System.Text;
using AdPilot.Core.Data;
using AdPilot.Core.Reports;
using Microsoft.EntityFrameworkCore;

namespace AdPilot.Core.LandingPages;

/// <summary>
/// A page's leads as CSV (RFC 4180, UTF-8 with a BOM so spreadsheets read Chinese right, formulas defused): created_at,
/// email, then one column per field seen across the leads, in order of first appearance. Streamed in two passes over
/// the rows (the columns, then the lines), so memory does not grow with the number of leads.
/// </summary>
internal static class LeadCsv
{
    private const string CreatedAt = "created_at";
    private const string Email = "email";

    public static async Task WriteAsync(IDbContextFactory<AppDbContext> dbFactory, long userId, long landingPageId, Stream output, CancellationToken ct)
    {
        var columns = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal) { CreatedAt, Email };
        await foreach (var json in Rows(dbFactory, userId, landingPageId, l => l.FieldsJson, ct))
        {
            columns.AddRange(LandingPageTracking.ParseFields(json).Keys.Where(seen.Add));
        }

        await using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), bufferSize: 16 * 1024, leaveOpen: true);
        writer.NewLine = "\r\n";
        await writer.WriteLineAsync(string.Join(',', new[] { CreatedAt, Email }.Concat(columns).Select(ReportCsv.Quote)));
        await foreach (var lead in Rows(dbFactory, userId, landingPageId, l => l, ct))
        {
            var fields = LandingPageTracking.ParseFields(lead.FieldsJson);
            var email = lead.Email ?? fields.GetValueOrDefault(Email) ?? "";
            var cells = new[] { lead.CreatedAt.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture), email }
                .Concat(columns.Select(c => fields.GetValueOrDefault(c) ?? ""));
            await writer.WriteLineAsync(string.Join(',', cells.Select(ReportCsv.Quote)));
        }

        await writer.FlushAsync(ct);
    }

    private static async IAsyncEnumerable<T> Rows<T>(
        IDbContextFactory<AppDbContext> dbFactory, long userId, long landingPageId, System.Linq.Expressions.Expression<Func<LandingPageLead, T>> select,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = db.LandingPageLeads.AsNoTracking().Where(l => l.LandingPageId == landingPageId && l.UserId == userId)
            .OrderByDescending(l => l.CreatedAt).ThenByDescending(l => l.Id).Select(select).AsAsyncEnumerable();
        await foreach (var row in rows.WithCancellation(ct))
        {
            yield return row;
        }
    }
}
