import { complianceSpec } from '../../../shared/widgets/compliance/definition';
import { defineWidget } from '../common/define-widget';
import { ComplianceTile } from './ComplianceTile';

export const complianceWidget = defineWidget(complianceSpec, ComplianceTile);
