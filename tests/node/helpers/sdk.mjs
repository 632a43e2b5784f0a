// Loads the built package the way a user does: through its name and exports map.
import { loadGenAI } from 'genai-clients';

export const genai = await loadGenAI();
export * from 'genai-clients';
