import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type TemperatureSettingsDto } from '../../lib/api';
import { LEADS_KEY } from '../leads/useLeads';

export const TEMPERATURE_SETTINGS_KEY = ['settings', 'temperature'] as const;

/** How many days ahead a purchase date makes a lead hot, then warm. */
export function useTemperatureSettings() {
  return useQuery({ queryKey: TEMPERATURE_SETTINGS_KEY, queryFn: () => api.settings.temperature() });
}

/** New thresholds move lead temperatures (and write their history), so every lead view refreshes. */
export function useUpdateTemperatureSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: TemperatureSettingsDto) => api.settings.updateTemperature(input),
    onSuccess: (settings) => {
      queryClient.setQueryData(TEMPERATURE_SETTINGS_KEY, settings);
      void queryClient.invalidateQueries({ queryKey: LEADS_KEY });
    },
  });
}
