// Vizor.ECharts parses its chart options, which are JSON, with eval(); the Content-Security-Policy forbids eval. Our
// options carry no JavaScript functions, so a parenthesised JSON text is answered by JSON.parse and never runs as code.
// Anything else goes to the real eval, which the policy still governs (blocked for page scripts; tools such as
// Playwright and DevTools that evaluate through it keep working). A chart needing JS functions would need 'unsafe-eval'.
(() => {
  const realEval = window.eval;
  window.eval = function (source) {
    if (typeof source === "string" && source.startsWith("(") && source.endsWith(")")) {
      try { return JSON.parse(source.slice(1, -1)); } catch { /* not JSON: let the real eval decide */ }
    }
    return realEval(source);
  };
})();

// Chart export: the charts render as SVG (crisp at any zoom); PNG is drawn from that SVG on a canvas.
window.adpilotCharts = {
  export: async (chartId, type, fileName) => {
    const chart = window.vizorECharts?.getChart(chartId);
    if (!chart) return false;
    const svgUrl = chart.getDataURL({ type: "svg", backgroundColor: "#ffffff" });
    let url = svgUrl;
    if (type === "png") {
      const image = new Image();
      await new Promise((resolve, reject) => { image.onload = resolve; image.onerror = reject; image.src = svgUrl; });
      const canvas = document.createElement("canvas");
      const scale = window.devicePixelRatio > 1 ? 2 : 1;
      canvas.width = image.width * scale;
      canvas.height = image.height * scale;
      const context = canvas.getContext("2d");
      context.fillStyle = "#ffffff";
      context.fillRect(0, 0, canvas.width, canvas.height);
      context.drawImage(image, 0, 0, canvas.width, canvas.height);
      url = canvas.toDataURL("image/png");
    }
    const link = document.createElement("a");
    link.href = url;
    link.download = `${fileName}.${type}`;
    document.body.appendChild(link);
    link.click();
    link.remove();
    return true;
  },
};
