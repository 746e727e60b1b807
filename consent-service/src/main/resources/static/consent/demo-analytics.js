/* Stands for a real analytics tag: it counts that it ran and says so on the page. */
window.demoAnalyticsRuns = (window.demoAnalyticsRuns || 0) + 1;
document.getElementById('analytics-status').textContent = 'running';
