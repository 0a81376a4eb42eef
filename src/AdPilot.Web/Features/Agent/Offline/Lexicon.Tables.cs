namespace AdPilot.Web.Features.Agent.Offline;

/// <summary>The phrases the offline agent knows, English and Simplified Chinese, by what they mean.</summary>
internal static partial class Lexicon
{
    public static readonly PhraseTable Metrics = new(
        ("spend", ["spend", "spent", "spending", "cost", "costs", "ad spend", "花费", "消耗", "花了", "支出", "花销", "消费", "费用"]),
        ("roas", ["roas", "return on ad spend", "roi", "广告支出回报率", "投入产出比", "回报率", "投产比"]),
        ("cpa", ["cpa", "cost per acquisition", "cost per conversion", "cost per result", "cost per purchase", "cost per action", "转化成本", "单次转化成本", "获客成本", "每次转化费用"]),
        ("ctr", ["ctr", "click through rate", "click rate", "点击率"]),
        ("cpc", ["cpc", "cost per click", "点击成本", "单次点击成本", "每次点击费用", "点击单价"]),
        ("cvr", ["cvr", "conversion rate", "conv rate", "转化率"]),
        ("conversions", ["conversions", "conversion", "convs", "purchases", "purchase", "results", "leads", "orders", "转化", "转化数", "转化量", "订单", "购买"]),
        ("clicks", ["clicks", "click", "点击", "点击量", "点击数", "点击次数"]),
        ("impressions", ["impressions", "impression", "impr", "views", "reach", "展示", "展示量", "展示次数", "曝光", "曝光量"]),
        ("revenue", ["revenue", "sales", "income", "purchase value", "conversion value", "gmv", "收入", "营收", "销售额", "收益", "成交额"]));

    public static readonly PhraseTable Levels = new(
        ("ad_account", ["ad account", "ad accounts", "account", "accounts", "广告账户", "账户", "账号"]),
        ("campaign", ["campaign", "campaigns", "广告系列", "系列", "推广活动", "广告活动", "活动", "推广计划"]),
        ("ad_set", ["ad set", "ad sets", "adset", "adsets", "ad group", "ad groups", "adgroup", "adgroups", "广告组"]),
        ("ad", ["ad", "ads", "广告"]));

    public static readonly PhraseTable Platforms = new(
        ("meta", ["meta", "facebook", "fb", "instagram", "脸书"]),
        ("tiktok", ["tiktok", "tik tok", "douyin", "抖音"]),
        ("google", ["google", "google ads", "adwords", "youtube", "谷歌"]),
        ("simulated", ["simulated", "simulator", "demo", "模拟", "演示"]));

    public static readonly PhraseTable Directions = new(
        ("top", ["top"]),
        ("bottom", ["bottom"]),
        ("best", ["best", "best performing", "top performing", "strongest", "最好", "表现最好", "最佳", "最优"]),
        ("worst", ["worst", "worst performing", "poorest", "weakest", "最差", "表现最差", "最烂", "最糟"]),
        ("highest", ["highest", "most", "largest", "biggest", "greatest", "maximum", "most expensive", "最高", "最多", "最大", "最贵"]),
        ("lowest", ["lowest", "least", "smallest", "fewest", "minimum", "cheapest", "最低", "最少", "最小", "最便宜"]));

    public static readonly PhraseTable Operators = new(
        ("gt", ["over", "above", "greater than", "more than", "higher than", "exceeds", "exceeding", "exceed", ">", "> =", "高于", "大于", "超过", "超出", "以上"]),
        ("lt", ["under", "below", "less than", "lower than", "<", "< =", "低于", "小于", "不到", "不足", "以下"]));

    public static readonly string[] Pause = ["pause", "stop", "halt", "turn off", "switch off", "disable", "deactivate", "shut off", "shut down", "kill",
        "暂停", "停止", "停掉", "关闭", "关掉", "停用", "停投"];

    public static readonly string[] Resume = ["resume", "unpause", "restart", "reactivate", "activate", "enable", "turn on", "switch on", "start again", "restart",
        "恢复", "启用", "开启", "重新开启", "重启", "激活", "继续投放", "重新投放"];

    public static readonly string[] Budget = ["budget", "budgets", "预算", "日预算", "总预算"];
    public static readonly string[] Increase = ["raise", "increase", "boost", "bump", "lift", "grow", "scale", "up", "add", "提高", "增加", "上调", "提升", "调高", "追加", "加大", "增长"];
    public static readonly string[] Decrease = ["lower", "decrease", "reduce", "cut", "trim", "drop", "shrink", "降低", "减少", "下调", "调低", "削减", "缩减"];
    public static readonly string[] Set = ["set", "change", "make", "adjust", "update", "put", "设为", "设置为", "设置", "设成", "调到", "调整为", "调整到", "改为", "改成", "调为", "定为", "提高到", "降低到", "增加到", "减少到", "降到", "提到"];
    public static readonly string[] Double = ["double", "翻倍", "加倍"];
    public static readonly string[] Halve = ["halve", "half", "减半", "一半"];
    public static readonly string[] Move = ["move", "shift", "transfer", "reallocate", "reassign", "redistribute", "转移", "转到", "挪到", "挪", "移到", "调拨", "划转", "转给", "转入"];
    public static readonly string[] Why = ["why", "reason", "reasons", "explain", "cause", "caused", "what happened", "how come", "为什么", "为何", "原因", "怎么回事", "咋回事", "解释"];
    public static readonly string[] Compare = ["compare", "compared", "comparison", "vs", "versus", "against", "week over week", "month over month", "better than", "which is better", "对比", "比较", "相比", "环比", "同比", "更好", "哪个好"];
    public static readonly string[] Previous = ["previous", "prior", "before", "earlier", "last period", "week before", "day before", "month before", "上一期", "之前", "前一周", "前一天", "上期", "环比"];
    public static readonly string[] Rank = ["rank", "ranking", "ranked", "leaderboard", "排名", "排行"];
    public static readonly string[] Trend = ["trend", "trends", "trending", "over time", "daily", "weekly", "monthly", "by day", "by week", "by month", "per day", "day by day",
        "chart", "graph", "plot", "timeline", "series", "curve", "趋势", "走势", "每天", "每日", "按天", "按日", "按周", "每周", "按月", "每月", "图表", "曲线", "折线图"];
    public static readonly string[] Weekly = ["weekly", "by week", "per week", "each week", "按周", "每周"];
    public static readonly string[] Monthly = ["monthly", "by month", "per month", "each month", "按月", "每月"];
    public static readonly string[] Credits = ["credit", "credits", "积分", "点数", "额度", "余额"];
    public static readonly string[] History = ["history", "ledger", "transactions", "transaction", "usage", "statement", "charges", "charged", "记录", "明细", "流水", "历史", "消费记录", "使用记录"];
    public static readonly string[] Notifications = ["notification", "notifications", "alerts", "alert", "inbox", "bell", "通知", "消息", "提醒", "告警", "警报"];
    public static readonly string[] Unread = ["unread", "未读"];
    public static readonly string[] Count = ["how many", "count", "number of", "多少", "几条", "几个"];
    public static readonly string[] Token = ["token", "tokens", "authorization", "authorisation", "authorized", "authorised", "auth", "reauth", "reauthorize", "reconnect",
        "connection", "connected", "expire", "expired", "expiring", "expiry", "授权", "令牌", "过期", "连接", "重新连接", "重新授权"];
    public static readonly string[] List = ["list", "show", "which", "what", "列出", "哪些", "我的", "所有"];
    public static readonly string[] Creatives = ["creative", "creatives", "image", "images", "video", "videos", "asset", "assets", "素材", "创意", "图片", "视频"];
    public static readonly string[] Analyze = ["analyze", "analyse", "analysis", "audit", "diagnose", "diagnosis", "insights", "recommendations", "全面分析", "诊断", "分析报告", "复盘"];
    public static readonly string[] Performance = ["performance", "perform", "performing", "performed", "doing", "results", "report", "overview", "summary", "stats", "statistics",
        "numbers", "kpi", "kpis", "metrics", "表现", "效果", "数据", "报告", "概览", "汇总", "总结"];

    /// <summary>Question words that ask about performance only when they are about ads ("how are my campaigns doing", "广告怎么样").</summary>
    public static readonly string[] HowIs = ["how did", "how are", "how is", "how was", "doing", "going", "怎么样", "如何", "情况", "多少"];
    public static readonly string[] This = ["this", "it", "current", "这个", "该", "当前", "此"];

    /// <summary>Words that frame a request around a name ("please pause the … for me"); what is left over is the name.</summary>
    public static readonly string[] Frame = ["i", "me", "my", "we", "our", "us", "you", "your", "the", "a", "an", "of", "for", "in", "on", "at", "to", "by", "from", "with",
        "and", "or", "is", "are", "was", "were", "be", "been", "do", "does", "did", "done", "how", "what", "whats", "which", "who", "when", "where", "show", "tell",
        "give", "get", "see", "view", "display", "let", "know", "please", "can", "could", "would", "will", "should", "pls", "plz", "hey", "hi", "hello", "about", "than",
        "so", "far", "much", "many", "it", "its", "this", "that", "these", "those", "there", "their", "them", "they", "all", "any", "some", "each", "every", "per",
        "going", "has", "have", "had", "look", "like", "between", "period", "same", "time", "total", "totals", "overall", "now", "currently", "recently", "recent",
        "ok", "okay", "thanks", "thank", "just", "also", "only", "then", "need", "want", "quick", "quickly", "kindly", "s", "named", "called", "one", "ones", "daily",
        "lifetime", "new", "paused", "active", "enabled", "higher", "lower", "rise", "rose", "risen", "rising", "dropped", "fell", "fall", "falling", "jump",
        "jumped", "spike", "spiked", "worse", "better", "change", "changed", "changes", "gone", "increased", "decreased", "got", "up", "down", "go", "went", "did", "percent", "pct", "usd", "eur", "gbp", "cny", "rmb", "dollars", "dollar", "euros", "euro", "yuan",
        "的", "把", "将", "从", "到", "给", "请", "帮我", "帮忙", "一下", "吗", "呢", "吧", "了", "和", "与", "跟", "我的", "我们的", "所有", "全部", "这个", "那个",
        "该", "上的", "里的", "中的", "元", "块", "美元", "欧元", "百分之", "是", "在", "看看", "查看", "显示", "告诉我", "我", "上升", "下降", "升高",
        "变化", "变差", "变好", "下滑", "上涨", "下跌", "变高", "变低", "突然", "这么", "那么", "怎么", "转", "移", "有", "没有", "所有的", "各", "每个", "哪", "吗"];

    private static readonly string[] DateWords = [.. RelativeDates.Words, .. ExplicitDates.MonthNames, "since", "until", "till", "through", "thru", "ago", "weekend"];

    /// <summary>Every phrase the agent knows, which is never part of a name; metrics too unless a name may hold one ("Sales Push").</summary>
    public static IEnumerable<string> FramePhrases(bool metrics) => metrics ? AllPhrases() : AllPhrases().Except(Metrics.Phrases);

    private static IEnumerable<string> AllPhrases() =>
        new[] { Metrics, Levels, Platforms, Directions, Operators }.SelectMany(t => t.Phrases)
            .Concat([.. Pause, .. Resume, .. Budget, .. Increase, .. Decrease, .. Set, .. Double, .. Halve, .. Move, .. Why, .. Compare, .. Previous, .. Rank, .. Trend,
                .. Credits, .. History, .. Notifications, .. Unread, .. Count, .. Token, .. List, .. Creatives, .. Analyze, .. Performance, .. HowIs, .. This, .. Frame, .. DateWords, .. NumberWords.EnglishWords]);
}
