namespace AdPilot.Web.Features.Mcp;

/// <summary>What the server tells a model at initialisation: what AdPilot is, where to start, and the rules of writing.</summary>
internal static class McpInstructions
{
    public const string Text =
        """
        AdPilot runs a marketer's paid advertising on Meta, TikTok and Google Ads from one place: ad accounts, campaigns
        (campaign > ad set > ad), creatives, reports (spend, impressions, clicks, conversions, revenue; CTR, CPC, CPA,
        ROAS), notifications and prepaid AI credits. Every tool acts for the signed-in user only.

        How to start: call list_ad_accounts to see the connected accounts, their currency and time zone; then
        get_campaigns or get_reports for the account or date range the user means. Dates are yyyy-MM-dd in the ad
        account's time zone. get_breakdown ranks campaigns, ad sets or ads by any metric ("worst ad sets by CPA").
        Amounts carry a currency; never add amounts of different currencies together. For a
        review of the week, the weekly_review prompt walks through it; analyze_performance returns structured findings.
        analyze_web_page reads a public web page the user links (a landing page, a competitor's ad page) and scores it
        as a landing page; get_creative gives an uploaded image's quality score. Landing pages built in AdPilot:
        get_landing_pages (views, clicks, leads, conversion rate), create_landing_page from a template, update, publish
        and unpublish them; get_landing_page_leads lists what visitors sent (personal data: show it only to the user).

        Credits: analyze_performance and other AI work cost the user prepaid credits (refunded if the work fails).
        check_credit or estimate_credit say the price first; get_credit_balance shows what is left.

        Writing: every tool that changes a campaign on an ad platform or deletes something accepts dry_run. Preview
        first (dry_run: true), show the user the before → after, and apply only after they agree. Deletions and budget
        raises over 50 % also need confirm: true. Applied changes are recorded in the user's action log (get_actions);
        undo_action puts one back, also previewed with dry_run, and is refused if the entity changed since.

        Errors come back with isError and a JSON body {"error": {"code", "message"}}; read the message, it says what to
        do next (for example needs_reauth: the user must reconnect the ad account in AdPilot; insufficient_credits:
        the user must top up credits).
        """;
}
