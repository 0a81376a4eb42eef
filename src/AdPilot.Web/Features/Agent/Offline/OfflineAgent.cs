namespace AdPilot.Web.Features.Agent.Offline;

/// <summary>The offline agent's one decision per round: understand the last user message again, look at the tool results so far, and call the skill for it.</summary>
internal static class OfflineAgent
{
    /// <summary>More rounds than any skill needs means something keeps failing the same way: stop with what is known.</summary>
    public const int MaxRounds = 6;

    public static OfflineStep Next(OfflineConversation conversation, AgentContext context)
    {
        var request = RequestParser.Parse(conversation.UserText, context);
        var turn = new OfflineTurn(request, context, conversation.Runs);
        if (conversation.Rounds >= MaxRounds)
        {
            return new AnswerStep(turn.T("I could not finish this request; try asking it in a simpler way.", "我无法完成这个请求，请换一种更简单的说法。"));
        }

        return request.Intent switch
        {
            Intent.Performance => PerformanceSkill.Next(turn),
            Intent.Trend => TrendSkill.Next(turn),
            Intent.Rank => RankSkill.Next(turn),
            Intent.ComparePeriods => CompareSkill.Periods(turn),
            Intent.CompareCampaigns => CompareSkill.Campaigns(turn),
            Intent.Why => WhySkill.Next(turn),
            Intent.Pause => StatusSkill.Next(turn, pause: true),
            Intent.Resume => StatusSkill.Next(turn, pause: false),
            Intent.Budget => BudgetSkill.Next(turn),
            Intent.MoveBudget => MoveBudgetSkill.Next(turn),
            Intent.Campaigns => AccountSkill.Campaigns(turn),
            Intent.Credits => CreditSkill.Balance(turn),
            Intent.CreditHistory => CreditSkill.History(turn),
            Intent.Notifications => InboxSkill.List(turn),
            Intent.UnreadCount => InboxSkill.Unread(turn),
            Intent.Tokens => AccountSkill.Tokens(turn),
            Intent.Accounts => AccountSkill.Accounts(turn),
            Intent.Creatives => CreativeSkill.Next(turn),
            Intent.Analyze => AnalyzeSkill.Next(turn),
            Intent.Attached => AttachmentSkill.Next(turn),
            _ => Answers.Help(turn),
        };
    }
}
