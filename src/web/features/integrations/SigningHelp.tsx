import { Accordion, Code, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PRESETS } from '../../../domain/integrations/presets';
import { CopyBlock } from '../../components/CopyBlock';
import type { IntegrationDto } from '../../lib/api';
import { curlExample, nodeExample, SIGNATURE_VALUE } from './signing';

interface SigningHelpProps {
  integration: Pick<IntegrationDto, 'endpoint' | 'signatureHeader' | 'kind'>;
  /** The secret, when this is the one time it is known; else a placeholder stands in the example. */
  secret?: string;
}

/**
 * How a sender signs and posts an event: the header, a curl line that signs the preset's example
 * payload, the same in Node, and the example payload itself.
 */
export function SigningHelp({ integration, secret }: SigningHelpProps) {
  const { t } = useTranslation();
  const example = PRESETS[integration.kind].example;
  const header = `${integration.signatureHeader}: ${SIGNATURE_VALUE}`;
  return (
    <Stack gap="sm" data-testid="integration-signing">
      <Text size="sm">{t('integrations.signing.intro')}</Text>
      <Code block data-testid="integration-signature-format" style={{ whiteSpace: 'pre-wrap' }}>
        {header}
      </Code>
      <Accordion variant="separated" defaultValue={secret ? 'curl' : null}>
        <Accordion.Item value="curl">
          <Accordion.Control>{t('integrations.signing.curl')}</Accordion.Control>
          <Accordion.Panel>
            <CopyBlock
              label={t('integrations.signing.curlLabel')}
              hint={t('integrations.signing.curlHint')}
              value={curlExample(
                integration.endpoint,
                integration.signatureHeader,
                example,
                secret ?? t('integrations.signing.secretPlaceholder'),
              )}
              testId="integration-curl"
            />
          </Accordion.Panel>
        </Accordion.Item>
        <Accordion.Item value="node">
          <Accordion.Control>{t('integrations.signing.node')}</Accordion.Control>
          <Accordion.Panel>
            <CopyBlock
              label={t('integrations.signing.nodeLabel')}
              value={nodeExample(integration.signatureHeader)}
              testId="integration-node"
            />
          </Accordion.Panel>
        </Accordion.Item>
        <Accordion.Item value="example">
          <Accordion.Control>{t('integrations.signing.example')}</Accordion.Control>
          <Accordion.Panel>
            <CopyBlock
              label={t(`integrations.kinds.${integration.kind}`)}
              hint={t('integrations.signing.exampleHint')}
              value={JSON.stringify(example, null, 2)}
              testId="integration-example"
            />
          </Accordion.Panel>
        </Accordion.Item>
      </Accordion>
      <Text size="xs" c="dimmed">
        {t('integrations.signing.answers')}
      </Text>
    </Stack>
  );
}
