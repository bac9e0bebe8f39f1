// ECharts, only the parts the dashboard draws (tree-shaken from echarts/core), registered once.
// Only admin routes import this module, so members never download it.
import { use } from 'echarts/core';
import { BarChart, LineChart, TreeChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

use([LineChart, BarChart, TreeChart, GridComponent, TooltipComponent, LegendComponent, CanvasRenderer]);
