import { Logger } from '@aws-lambda-powertools/logger';

/** One structured JSON logger for the whole service. Never log answers or email addresses. */
export const logger = new Logger({ serviceName: 'medborgardialog' });
