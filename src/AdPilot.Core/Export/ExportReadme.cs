using System.Globalization;
using System.Text;

namespace AdPilot.Core.Export;

/// <summary>The README.md at the root of every export: the layout, what each file holds, and what was left out and why.</summary>
internal static class ExportReadme
{
    public static string Write(ExportContents contents)
    {
        var md = new StringBuilder();
        md.AppendLine("# Your AdPilot data").AppendLine()
            .AppendLine("This archive holds a copy of everything AdPilot stores about your account (GDPR articles 15 and 20).").AppendLine()
            .AppendLine("## Layout").AppendLine()
            .AppendLine("- `data/<Table>.json`: every row of yours in that table, as a JSON array of objects (one property per column; dates in UTC, ISO 8601).")
            .AppendLine("- `data/<Table>.csv`: tabular data (metrics per ad per day and their rollups, and the credit ledger) as CSV: UTF-8, comma-separated, a header row, invariant number format.")
            .AppendLine($"- `{ExportArchive.CampaignsPath}`: your campaigns with their ad sets and ads nested, the same rows as `data/Campaigns.json`, `data/AdSets.json` and `data/Ads.json`.")
            .AppendLine("- `files/<storage key>`: your stored files, byte for byte: creatives and their thumbnails, published landing pages (HTML) and their images, your avatar. Each row's storage key column (for example `StorageKey` in `data/Creatives.json`) names its file.")
            .AppendLine().AppendLine("## Tables").AppendLine()
            .AppendLine("| Table | Rows | Files |").AppendLine("|---|---:|---|");
        foreach (var t in contents.Tables)
        {
            md.Append("| ").Append(t.Table.Name).Append(" | ").Append(t.Rows.ToString(CultureInfo.InvariantCulture)).Append(" | ")
                .AppendJoin(", ", t.Paths.Select(p => $"`{p}`")).AppendLine(" |");
        }

        md.AppendLine().Append("Files: ").Append(contents.Files.ToString(CultureInfo.InvariantCulture)).AppendLine(".");
        if (contents.MissingFiles > 0)
        {
            md.Append(contents.MissingFiles.ToString(CultureInfo.InvariantCulture))
                .AppendLine(" file(s) were deleted while the export ran and are not included.");
        }

        md.AppendLine().AppendLine("## Left out, and why").AppendLine()
            .AppendLine("Secrets are never exported: they would let anyone holding this file act as you, and they are useless outside AdPilot (tokens are encrypted with AdPilot's keys, or stored only as hashes). These columns are left out:").AppendLine();
        foreach (var t in contents.Tables)
        {
            foreach (var p in UserDataModel.SecretProperties(t.Table.Type))
            {
                md.Append("- `").Append(t.Table.Name).Append('.').Append(p.Name).AppendLine("`");
            }
        }

        md.AppendLine().AppendLine("Also not included: data about your account held by the ad platforms themselves (ask Meta, TikTok or Google), server logs, and other users' data.");
        return md.ToString();
    }
}
